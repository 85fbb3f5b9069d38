/**
 * The service-wide collection of codes while pages are read: one entry per
 * status code, status class and error code, every documented place kept in
 * `sources`, texts of repeated definitions appended (distinct ones only; an
 * error code's messages kept one by one, since each is a message the API
 * sends), and the duplicate diagnostics that name the first definition.
 */
import { compareCodePoints } from '../order.js';
import type { VFile } from 'vfile';
import type { Point, Position } from '../parse/types.js';
import type { ErrorCode, SourceRef, StatusClass, StatusCode } from './types.js';
import { httpStatus } from './http-status.js';
import { flag } from './rules.js';

interface TextParts {
  parts: string[];
}

interface StatusEntry {
  code: number;
  phrase: string | null;
  description: TextParts;
  group: string | null;
  sources: SourceRef[];
}

interface ClassEntry {
  class: string;
  description: TextParts;
  group: string | null;
  sources: SourceRef[];
}

interface ErrorEntry {
  code: string;
  statuses: Set<number>;
  /** Distinct messages in document order, each with the statuses of the rows giving it. */
  messages: Map<string, Set<number>>;
  description: TextParts;
  solution: TextParts;
  sources: SourceRef[];
}

/** A status code, class or error code as one row documents it. */
export interface StatusRow {
  code: number;
  phrase: string | null;
  description: string;
  group: string | null;
}
export interface ClassRow {
  class: string;
  description: string;
  group: string | null;
}
export interface ErrorRow {
  code: string;
  statuses: readonly number[];
  message: string;
  description: string;
  solution: string;
}

/** Where a row's code cell is: the file and the cell's range. */
export interface Place {
  file: VFile;
  path: string;
  position: Position;
}

function addText(target: TextParts, text: string): void {
  const t = text.trim();
  if (t !== '' && !target.parts.includes(t)) target.parts.push(t);
}

/** Records the row's message (when it has one) with the row's statuses. */
function addMessage(entry: ErrorEntry, row: ErrorRow): void {
  const text = row.message.trim();
  if (text === '') return;
  const statuses = entry.messages.get(text) ?? new Set<number>();
  for (const s of row.statuses) statuses.add(s);
  entry.messages.set(text, statuses);
}

const sourceOf = (place: Place): SourceRef => ({
  file: place.path,
  line: place.position.start.line,
  column: place.position.start.column,
});

const at = (point: Point): string => `${point.line}:${point.column}`;

function firstDefinedAt(first: SourceRef, place: Place): { sameFile: boolean; text: string } {
  const sameFile = first.file === place.path;
  return { sameFile, text: sameFile ? at(first) : `${first.file}:${at(first)}` };
}

const byNumber = (a: number, b: number): number => a - b;
const byCodePoint = compareCodePoints;

/** Accumulates one service's codes; entries are created on first sight and merged after. */
export class Collector {
  private readonly status = new Map<number, StatusEntry>();
  private readonly classes = new Map<string, ClassEntry>();
  private readonly errors = new Map<string, ErrorEntry>();

  /** How many distinct error codes are collected so far. */
  errorCount(): number {
    return this.errors.size;
  }

  /** True when `code` already has an entry (used to tell duplicates from out-of-order rows). */
  hasStatus(code: number): boolean {
    return this.status.has(code);
  }

  /** A status code row. Reports `duplicate-code` / `duplicate-across-pages` when already defined. */
  addStatus(row: StatusRow, place: Place): void {
    const existing = this.status.get(row.code);
    if (!existing) {
      this.status.set(row.code, {
        code: row.code,
        phrase: row.phrase,
        description: { parts: row.description.trim() === '' ? [] : [row.description.trim()] },
        group: row.group,
        sources: [sourceOf(place)],
      });
      return;
    }
    this.reportDuplicate('status code', String(row.code), existing.sources, place);
    existing.phrase ??= row.phrase;
    addText(existing.description, row.description);
    existing.sources.push(sourceOf(place));
  }

  /** A row continuing status `code` (its code cell left empty): texts appended, source added. */
  continueStatus(code: number, phrase: string | null, description: string, place: Place): void {
    const existing = this.status.get(code);
    if (!existing) return;
    existing.phrase ??= phrase;
    addText(existing.description, description);
    existing.sources.push(sourceOf(place));
  }

  addClass(row: ClassRow, place: Place): void {
    const existing = this.classes.get(row.class);
    if (!existing) {
      this.classes.set(row.class, {
        class: row.class,
        description: { parts: row.description.trim() === '' ? [] : [row.description.trim()] },
        group: row.group,
        sources: [sourceOf(place)],
      });
      return;
    }
    this.reportDuplicate('status code', row.class, existing.sources, place);
    addText(existing.description, row.description);
    existing.sources.push(sourceOf(place));
  }

  continueClass(cls: string, description: string, place: Place): void {
    const existing = this.classes.get(cls);
    if (!existing) return;
    addText(existing.description, description);
    existing.sources.push(sourceOf(place));
  }

  /** An error-code row. Reports duplicates like `addStatus`; statuses are united. */
  addError(row: ErrorRow, place: Place): void {
    const existing = this.errors.get(row.code);
    if (!existing) {
      const entry: ErrorEntry = {
        code: row.code,
        statuses: new Set(row.statuses),
        messages: new Map(),
        description: { parts: [] },
        solution: { parts: [] },
        sources: [sourceOf(place)],
      };
      addMessage(entry, row);
      addText(entry.description, row.description);
      addText(entry.solution, row.solution);
      this.errors.set(row.code, entry);
      return;
    }
    this.reportDuplicate('error code', row.code, existing.sources, place);
    this.mergeError(existing, row, place);
  }

  /** A row continuing error `code` (its code cell left empty). */
  continueError(row: ErrorRow, place: Place): void {
    const existing = this.errors.get(row.code);
    if (existing) this.mergeError(existing, row, place);
  }

  private mergeError(existing: ErrorEntry, row: ErrorRow, place: Place): void {
    for (const s of row.statuses) existing.statuses.add(s);
    addMessage(existing, row);
    addText(existing.description, row.description);
    addText(existing.solution, row.solution);
    existing.sources.push(sourceOf(place));
  }

  private reportDuplicate(kind: 'status code' | 'error code', code: string, sources: readonly SourceRef[], place: Place): void {
    const first = sources[0];
    if (!first) return;
    const { sameFile, text } = firstDefinedAt(first, place);
    flag(place.file, sameFile ? 'duplicate-code' : 'duplicate-across-pages', { kind, code, first: text }, place.position);
  }

  /** The collected codes, sorted: status codes and classes by code, error codes in code-point order. */
  result(): { statusCodes: StatusCode[]; statusClasses: StatusClass[]; errorCodes: ErrorCode[] } {
    const statusCodes = [...this.status.values()]
      .sort((a, b) => byNumber(a.code, b.code))
      .map((e) => ({
        code: e.code,
        phrase: e.phrase,
        standardPhrase: httpStatus.get(e.code) ?? null,
        description: e.description.parts.join('\n\n'),
        group: e.group,
        sources: e.sources,
      }));
    const statusClasses = [...this.classes.values()]
      .sort((a, b) => byCodePoint(a.class, b.class))
      .map((e) => ({ class: e.class, description: e.description.parts.join('\n\n'), group: e.group, sources: e.sources }));
    const errorCodes = [...this.errors.values()]
      .sort((a, b) => byCodePoint(a.code, b.code))
      .map((e) => ({
        code: e.code,
        statuses: [...e.statuses].sort(byNumber),
        messages: [...e.messages].map(([text, statuses]) => ({ text, statuses: [...statuses].sort(byNumber) })),
        description: e.description.parts.join('\n\n'),
        solution: e.solution.parts.join('\n\n'),
        sources: e.sources,
      }));
    return { statusCodes, statusClasses, errorCodes };
  }
}
