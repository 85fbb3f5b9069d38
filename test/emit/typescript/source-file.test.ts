/**
 * The print of generated TypeScript (src/emit/typescript/source-file.ts):
 * ts-morph's structure printer, with TypeScript's formatter run only on
 * variable statements, must give what formatting the whole file would. Each
 * generated file is put through ts-morph's `formatText` (in a project with
 * the emitters' former settings: 2-space indent, single quotes, LF) and must
 * come back unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IndentationText, NewLineKind, Project, QuoteKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { emitIndex, emitService } from '../../../src/emit/index.js';
import type { EnumStyle } from '../../../src/emit/types.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { hostileModel } from '../hostile-model.js';

const cbr = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/emit/cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

/** `text` formatted as a whole file by ts-morph's `formatText`, in a fresh project. */
function formattedWhole(text: string): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: false,
    },
  });
  const file = project.createSourceFile('generated.ts', text);
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, newLineCharacter: '\n', ensureNewLineAtEndOfFile: true });
  return `${file.getFullText().replace(/\n*$/, '')}\n`;
}

describe.each<EnumStyle>(['enum', 'const'])('printSourceFile, style %s', (style) => {
  const files = [...emitService(cbr, { style }), ...emitService(hostileModel, { style }), emitIndex([cbr, hostileModel], { style })].filter((file) =>
    file.path.endsWith('.ts'),
  );

  it.each(files.map((file) => [file.path, file.contents]))('%s is what formatting the whole file gives', (_path, contents) => {
    expect(formattedWhole(contents)).toBe(contents);
  });

  it('prints the same bytes on every call (one language service per run, a fresh file name per text)', () => {
    const again = [...emitService(cbr, { style }), ...emitService(hostileModel, { style }), emitIndex([cbr, hostileModel], { style })].filter((file) =>
      file.path.endsWith('.ts'),
    );
    expect(again).toEqual(files);
  });
});
