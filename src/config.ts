/**
 * The config file (`rst-codegen.config.json`): which services to generate and
 * from which RST pages. Validation is pure: text in, a typed config or
 * positioned diagnostics out (unknown keys, wrong types, paths that leave the
 * project are reported at their line and column).
 *
 * ```json
 * {
 *   "outDir": "generated",
 *   "style": "enum",
 *   "services": [
 *     { "name": "cloud-backup-recovery",
 *       "title": "Cloud Backup and Recovery",
 *       "status": ["seeds/cloud-backup-recovery/status_codes.rst"],
 *       "errors": [],
 *       "docs": "docs/cbr" }
 *   ]
 * }
 * ```
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { report } from './diagnostics.js';
import { titleFromId } from './model/index.js';
import type { Point } from './parse/types.js';

export type EnumStyle = 'enum' | 'const';

export interface ServiceConfig {
  /** Service id: lower-case letters, digits and single hyphens (`cloud-backup-recovery`). */
  name: string;
  /** Human title; defaults to the id in title case. */
  title: string;
  /** Status-code pages, relative to the config file's folder, `/`-separated. */
  status: string[];
  /** Error-code pages, relative to the config file's folder. */
  errors: string[];
  /** A docs folder searched for status/error-code pages (file names matching `status_code(s)` / `error_code(s)`), or null. */
  docs: string | null;
}

export interface Config {
  /** Output folder, relative to the config file's folder. */
  outDir: string;
  style: EnumStyle;
  services: ServiceConfig[];
}

export const DEFAULT_CONFIG_NAME = 'rst-codegen.config.json';

const TOP_KEYS = ['$schema', 'outDir', 'style', 'services'] as const;
const SERVICE_KEYS = ['name', 'title', 'status', 'errors', 'docs'] as const;
const SERVICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parses and validates a config. Returns null when it has errors (all of
 * them are reported to `file`, which should carry the config's path).
 */
export function parseConfig(text: string, file: VFile): Config | null {
  const errorsBefore = file.messages.filter((m) => m.fatal === true).length;
  const lineCounter = new LineCounter();
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };
  const at = (node: YamlNode | Pair | null | undefined): Point | undefined => {
    const range = node && 'range' in node ? node.range : node && 'key' in node && isScalar(node.key) ? node.key.range : undefined;
    return range ? pointAt(range[0]) : undefined;
  };
  const fail = (reason: string, node: YamlNode | Pair | null | undefined, rule: string) => {
    report(file, 'error', reason, at(node) ?? { line: 1, column: 1, offset: 0 }, rule);
  };

  const syntax = jsonSyntaxError(text);
  if (syntax) {
    report(file, 'error', `The config is not valid JSON: ${syntax.reason}.`, offsetToPoint(text, syntax.offset), 'config-syntax');
    return null;
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    report(file, 'error', `The config cannot be read: ${error.message.split('\n')[0]}.`, pointAt(error.pos[0]), 'config-syntax');
  }
  if (doc.errors.length > 0) return null;

  const root = doc.contents;
  if (!isMap(root)) {
    fail('The config must be a JSON object with a `services` array.', root, 'config-type');
    return null;
  }
  checkKeys(root, TOP_KEYS, 'the config', fail);

  const outDirNode = root.get('outDir', true);
  const outDir = optionalString(outDirNode, 'outDir', fail) ?? 'generated';
  if (checkInside(outDir, outDirNode, 'outDir', fail) && toPosix(outDir) === '.') {
    fail('`outDir` must be a folder of its own, not the project folder: generate replaces it whole.', outDirNode, 'config-value');
  }

  const styleNode = root.get('style', true);
  const styleText = optionalString(styleNode, 'style', fail) ?? 'enum';
  if (styleText !== 'enum' && styleText !== 'const') {
    fail(`\`style\` must be \`"enum"\` or \`"const"\`, not \`${JSON.stringify(styleText)}\`.`, styleNode, 'config-value');
  }
  const style: EnumStyle = styleText === 'const' ? 'const' : 'enum';

  const servicesNode = root.get('services', true);
  const services: ServiceConfig[] = [];
  if (!isSeq(servicesNode)) {
    fail('The config needs a `services` array listing at least one service.', servicesNode ?? root, servicesNode ? 'config-type' : 'config-missing');
  } else {
    if (servicesNode.items.length === 0) fail('`services` is empty: list at least one service.', servicesNode, 'config-value');
    const seen = new Map<string, Point | undefined>();
    servicesNode.items.forEach((item, index) => {
      const where = `services[${index}]`;
      if (!isMap(item)) {
        fail(`\`${where}\` must be an object with a \`name\`.`, item as YamlNode, 'config-type');
        return;
      }
      checkKeys(item, SERVICE_KEYS, `\`${where}\``, fail);
      const nameNode = item.get('name', true);
      const name = optionalString(nameNode, `${where}.name`, fail);
      if (name === undefined) {
        fail(`\`${where}\` needs a \`name\`.`, item, 'config-missing');
        return;
      }
      if (!SERVICE_ID.test(name)) {
        fail(`Service name \`${name}\` must be lower-case letters, digits and single hyphens (e.g. \`cloud-backup-recovery\`).`, nameNode, 'config-value');
      }
      const previous = seen.get(name);
      if (seen.has(name)) {
        const first = previous ? `, first listed at ${previous.line}:${previous.column}` : '';
        fail(`Service \`${name}\` is listed twice${first}.`, nameNode, 'config-duplicate');
      }
      seen.set(name, at(nameNode));
      const titleNode = item.get('title', true);
      const title = optionalString(titleNode, `${where}.title`, fail) ?? titleFromId(name);
      const status = stringList(item, 'status', where, fail);
      const errors = stringList(item, 'errors', where, fail);
      const docsNode = item.get('docs', true);
      const docs = optionalString(docsNode, `${where}.docs`, fail) ?? null;
      if (docs !== null) checkInside(docs, docsNode, `${where}.docs`, fail);
      if (status.length === 0 && errors.length === 0 && docs === null) {
        fail(`Service \`${name}\` lists no pages: give \`status\`, \`errors\` or \`docs\`.`, item, 'config-missing');
      }
      services.push({ name, title, status, errors, docs: docs === null ? null : toPosix(docs) });
    });
  }

  const errorsAfter = file.messages.filter((m) => m.fatal === true).length;
  if (errorsAfter > errorsBefore) return null;
  return { outDir: toPosix(outDir), style, services };
}

type Fail = (reason: string, node: YamlNode | Pair | null | undefined, rule: string) => void;

function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, fail: Fail): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) {
      fail(`Unknown key \`${key}\` in ${where}; expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}.`, pair.key as YamlNode, 'config-unknown-key');
    }
  }
}

function optionalString(node: unknown, name: string, fail: Fail): string | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
  fail(`\`${name}\` must be a non-empty string.`, node as YamlNode, 'config-type');
  return undefined;
}

function stringList(map: YAMLMap, key: string, where: string, fail: Fail): string[] {
  const node = map.get(key, true);
  if (node === undefined) return [];
  if (!isSeq(node)) {
    fail(`\`${where}.${key}\` must be an array of file paths.`, node as YamlNode, 'config-type');
    return [];
  }
  const out: string[] = [];
  node.items.forEach((item, i) => {
    const value = optionalString(item, `${where}.${key}[${i}]`, fail);
    if (value === undefined) return;
    if (checkInside(value, item as YamlNode, `${where}.${key}[${i}]`, fail)) out.push(toPosix(value));
  });
  return out;
}

/** Paths are relative to the config's folder and must stay inside it. */
function checkInside(value: string, node: unknown, name: string, fail: Fail): boolean {
  const normal = path.posix.normalize(toPosix(value));
  if (path.isAbsolute(value) || path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || /^[a-zA-Z]:/.test(value)) {
    fail(`\`${name}\` (\`${value}\`) points outside the project; use a path relative to the config file's folder.`, node as YamlNode, 'config-path-outside');
    return false;
  }
  return true;
}

/** `/`-separated and normalised (`./a//b/../c` -> `a/c`), so one file has one spelling. */
function toPosix(p: string): string {
  return path.posix.normalize(p.split(path.sep).join('/').replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}


/**
 * Finds the first JSON syntax error (RFC 8259) and its offset — Node's
 * JSON.parse does not say where. Returns null for valid JSON.
 */
export function jsonSyntaxError(text: string): { reason: string; offset: number } | null {
  let i = 0;
  class Stop {
    constructor(readonly reason: string, readonly offset: number) {}
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'unexpected end of input' : `unexpected \`${text[i]}\``);
  const value = (depth: number): void => {
    if (depth > 512) throw new Stop('nesting is deeper than 512 levels', i);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop(`${describe()} where a key string was expected`, i);
        string();
        ws();
        if (text[i] !== ':') throw new Stop(`${describe()} where \`:\` was expected`, i);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        throw new Stop(`${describe()} where \`,\` or \`}\` was expected`, i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        throw new Stop(`${describe()} where \`,\` or \`]\` was expected`, i);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    throw new Stop(`${describe()} where a value was expected`, i);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) throw new Stop('a control character inside a string', i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop('an invalid escape in a string', i);
        continue;
      }
      i++;
    }
    throw new Stop('an unterminated string', i);
  };
  try {
    value(0);
    ws();
    if (i < text.length) throw new Stop(`${describe()} after the end of the JSON value`, i);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { reason: error.reason, offset: error.offset };
    throw error;
  }
}

function offsetToPoint(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}
