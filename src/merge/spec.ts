/**
 * Reading the user's spec: syntax, shape, alias bombs and the OpenAPI version.
 * The text is parsed once with the `yaml` Document API (JSON is YAML 1.2 flow
 * syntax, so one parser gives node ranges for both formats); the data is read
 * with `JSON.parse` for JSON and `toJS` (with an alias budget) for YAML.
 */
import { Composer, LineCounter, Parser, YAMLParseError, isMap, isScalar } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import { MAX_DEPTH, cstTooDeep, dataShape } from './depth.js';
import type { Point, Position } from '../parse/types.js';
import type { mergeRules } from './rules.js';

export type SpecFormat = 'yaml' | 'json';
export type OpenApiDialect = '3.0' | '3.1';

/** Alias expansions allowed while reading a YAML spec (yaml's own budget: `maxAliasCount`). */
const MAX_ALIAS_COUNT = 100;

/** The parse options of every spec read and re-read (merge keys on: real specs use `<<:`). */
export const PARSE_OPTIONS = { merge: true, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true } as const;

export interface SpecProblem {
  reason: string;
  ruleId: keyof typeof mergeRules;
  place: Point | Position | undefined;
}

export interface ParsedSpec {
  format: SpecFormat;
  /** A leading byte order mark (or ''), stripped before parsing and put back after. */
  bom: string;
  /** The text after the byte order mark; every node range is an offset into it. */
  body: string;
  doc: Document.Parsed;
  root: YAMLMap;
  /** The spec's data (plain objects), as the validator sees it. */
  data: Record<string, unknown>;
  lineCounter: LineCounter;
  /** `openapi` field, e.g. `3.0.2`. */
  version: string;
  dialect: OpenApiDialect;
  /** Place of the `openapi` value (for messages about the version). */
  versionPlace: Position | undefined;
}

/** Converts an offset of `body` to a vfile point. */
export function pointAt(lineCounter: LineCounter, offset: number, bomLength = 0): Point {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: line === 1 ? col + bomLength : col, offset: offset + bomLength };
}

/** Converts a node range to a vfile position (start..value end). */
export function positionOf(lineCounter: LineCounter, range: readonly number[] | null | undefined, bomLength = 0): Position | undefined {
  if (!range || range[0] === undefined || range[1] === undefined) return undefined;
  return { start: pointAt(lineCounter, range[0], bomLength), end: pointAt(lineCounter, range[1], bomLength) };
}

/** `json` when the path or the first significant character says so, else `yaml`. */
export function detectFormat(text: string, specPath?: string): SpecFormat {
  if (specPath && /\.json$/i.test(specPath)) return 'json';
  if (specPath && /\.ya?ml$/i.test(specPath)) return 'yaml';
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'yaml';
}

/**
 * The last text read and its result. A merge re-reads its result to check it,
 * and the next merge into that text (the next service's, or a second merge
 * that must change nothing) reads the same text: it is parsed once. Reading is
 * a pure function of the text and nothing writes to a `ParsedSpec`, so the
 * result is the same. One entry (a spec that reads; problems are not kept),
 * dropped before another text is parsed: at most one parsed spec outlives a
 * merge.
 */
let lastRead: { text: string; format: SpecFormat; result: ReturnType<typeof readSpec> } | undefined;

/** Parses `text` as a spec; returns the parsed spec or the problems that make it unreadable. */
export function readSpec(text: string, format: SpecFormat): { spec: ParsedSpec } | { problems: SpecProblem[] } {
  if (lastRead !== undefined && lastRead.format === format && lastRead.text === text) return lastRead.result;
  lastRead = undefined;
  const result = parseSpec(text, format);
  if ('spec' in result) lastRead = { text, format, result };
  return result;
}

function parseSpec(text: string, format: SpecFormat): ReturnType<typeof readSpec> {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const lineCounter = new LineCounter();
  const at = (offset: number): Point => pointAt(lineCounter, Math.min(offset, body.length), bom.length);
  const parsed = parseBounded(body, lineCounter);
  if ('deep' in parsed) {
    return {
      problems: [
        {
          reason: `The spec nests more than ${MAX_DEPTH} levels deep; refusing to read it (no OpenAPI document needs that many).`,
          ruleId: 'spec-too-deep',
          place: at(parsed.deep),
        },
      ],
    };
  }
  const doc = parsed.doc;
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        reason: `The spec is not readable ${format === 'json' ? 'JSON' : 'YAML'}: ${error.message}.`.replace(/\.\.$/, '.'),
        ruleId: 'spec-syntax',
        place: at(error.pos[0]),
      })),
    };
  }
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      return {
        problems: [{ reason: `The spec is not readable JSON: ${message}.`, ruleId: 'spec-syntax', place: position ? at(Number(position[1])) : undefined }],
      };
    }
  } else {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const bomb = error instanceof Error && /resource exhaustion/i.test(error.message);
      return {
        problems: [
          {
            reason: bomb
              ? `The spec expands its aliases more than ${MAX_ALIAS_COUNT} times (a YAML alias bomb); refusing to read it.`
              : `The spec is not readable YAML: ${error instanceof Error ? error.message : String(error)}.`,
            ruleId: bomb ? 'spec-alias-bomb' : 'spec-syntax',
            place: undefined,
          },
        ],
      };
    }
  }
  const shape = dataShape(data);
  if (shape !== 'ok') {
    return {
      problems: [
        {
          reason:
            shape === 'deep'
              ? `The spec nests more than ${MAX_DEPTH} levels deep once its aliases are expanded; refusing to read it.`
              : 'The spec holds an alias inside its own anchor, so its data contains itself; refusing to read it.',
          ruleId: shape === 'deep' ? 'spec-too-deep' : 'spec-alias-cycle',
          place: undefined,
        },
      ],
    };
  }
  const root = doc.contents;
  if (!isMap(root) || typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      problems: [
        {
          reason: 'The spec is not an object: an OpenAPI document is a mapping with `openapi`, `info` and `paths`.',
          ruleId: 'spec-not-object',
          place: root?.range ? at(root.range[0]) : undefined,
        },
      ],
    };
  }
  const record = data as Record<string, unknown>;
  const versionNode = root.items.find((pair) => keyText(pair.key) === 'openapi' || keyText(pair.key) === 'swagger');
  const versionPlace = versionNode ? positionOf(lineCounter, nodeRange(versionNode.value) ?? nodeRange(versionNode.key), bom.length) : undefined;
  const version = record['openapi'];
  if (typeof version === 'number') {
    const range = isScalar(versionNode?.value) ? nodeRange(versionNode.value) : undefined;
    const written = range ? body.slice(range[0], range[1]) : String(version);
    const meant = /^3\.[01]$/.test(written) ? `${written}.0` : written;
    const quoted = format === 'json' ? `"openapi": "${meant}"` : `openapi: '${meant}'`;
    return {
      problems: [
        {
          reason: `The spec's \`openapi\` version is the number \`${written}\`, not a string: write it as a string with its patch version (\`${quoted}\`).`,
          ruleId: 'spec-version-unsupported',
          place: versionPlace,
        },
      ],
    };
  }
  if (typeof version !== 'string') {
    const swagger = record['swagger'];
    return {
      problems: [
        {
          reason:
            swagger !== undefined
              ? `The spec is Swagger \`${String(swagger)}\`; only OpenAPI 3.0.x and 3.1.x specs can be merged into (convert it to OpenAPI 3 first).`
              : 'The spec has no `openapi` version string; only OpenAPI 3.0.x and 3.1.x specs can be merged into.',
          ruleId: 'spec-version-unsupported',
          place: versionPlace,
        },
      ],
    };
  }
  const dialect = /^3\.0\.\d+(-.+)?$/.test(version) ? '3.0' : /^3\.1\.\d+(-.+)?$/.test(version) ? '3.1' : undefined;
  if (!dialect) {
    return {
      problems: [
        {
          reason: `The spec is OpenAPI \`${version}\`; only OpenAPI 3.0.x and 3.1.x specs can be merged into.`,
          ruleId: 'spec-version-unsupported',
          place: versionPlace,
        },
      ],
    };
  }
  return { spec: { format, bom, body, doc, root, data: record, lineCounter, version, dialect, versionPlace } };
}

/**
 * `parseDocument`, with the nesting bounded: the CST (built without
 * recursion) is measured before the recursive composer sees it.
 */
function parseBounded(body: string, lineCounter: LineCounter): { doc: Document.Parsed } | { deep: number } {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(body)];
  const deep = cstTooDeep(tokens);
  if (deep !== undefined) return { deep };
  const composer = new Composer(PARSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, body.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return { doc: doc as Document.Parsed };
}

/** The text of a scalar key (`404` and `'404'` both give `404`), or undefined for other keys. */
export function keyText(key: unknown): string | undefined {
  if (key !== null && typeof key === 'object' && 'value' in key) {
    const value = (key as { value: unknown }).value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }
  return undefined;
}

/** A node's `range`, when it is a node with one. */
export function nodeRange(node: unknown): [number, number, number] | undefined {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range ?? undefined;
  }
  return undefined;
}

/** The pair of `map` whose key reads `key`. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair.key) === key);
}
