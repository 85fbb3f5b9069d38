import { describe, expect, it } from 'vitest';
import { captionGroup, collectTables } from '../../src/model/walk.js';
import type { RstNode } from '../../src/parse/types.js';
import { at, root, table } from './tree.js';

const t = (title: string | null = null) =>
  table(
    [
      ['Status Code', 'Description'],
      ['200 OK', 'Fine.'],
    ],
    { title },
  );
const section = (title: string, depth: number, ...children: RstNode[]): RstNode => ({ type: 'section', title, depth, children, position: at(1) });
const item = (label: string, ...children: RstNode[]): RstNode => ({ type: 'listItem', label, children, position: at(1) });
const para = (text: string): RstNode => ({ type: 'paragraph', text, position: at(1) });
const directive = (...children: RstNode[]): RstNode => ({ type: 'directive', name: 'table', argument: '', children, position: at(1) });

describe('collectTables groups', () => {
  it('uses the innermost list item label over caption and section', () => {
    const r = root(section('Status Codes', 1, section('Errors', 2, item('Outer', item('Abnormal', directive(t('Table 2 Codes')))))));
    expect(collectTables(r).map((x) => x.group)).toEqual(['Abnormal']);
  });
  it('uses the caption without its numbering, then a `Table N` paragraph just before the table', () => {
    expect(collectTables(root(section('Status Codes', 1, directive(t('Table 1 Normal status codes'))))).map((x) => x.group)).toEqual(['Normal status codes']);
    expect(collectTables(root(section('Status Codes', 1, para('Table 2 Error codes'), t()))).map((x) => x.group)).toEqual(['Error codes']);
    expect(collectTables(root(section('Status Codes', 1, para('Some prose.'), t()))).map((x) => x.group)).toEqual([null]);
  });
  it('uses a section below the page title, never the page title', () => {
    const r = root(section('Status Codes', 1, t(), section('Abnormal', 2, t())));
    expect(collectTables(r).map((x) => x.group)).toEqual([null, 'Abnormal']);
  });
  it('treats top-level sections as groups when there are several (no page title)', () => {
    expect(collectTables(root(section('Normal', 1, t()), section('Abnormal', 1, t()))).map((x) => x.group)).toEqual(['Normal', 'Abnormal']);
  });
  it('captionGroup keeps captions without numbering and drops empty ones', () => {
    expect(captionGroup('Status codes')).toBe('Status codes');
    expect(captionGroup('Table 3')).toBeNull();
    expect(captionGroup(null)).toBeNull();
  });
});
