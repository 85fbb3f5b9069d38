/**
 * The config file (`rst-codegen.config.json`): which services to generate,
 * from which RST pages, and how diagnostics are graded. Validation is pure:
 * text in, a typed config or positioned diagnostics out. The shape is checked
 * by the JSON Schema `schema/config.schema.json` (ajv, 2020-12); each schema
 * error is reported at the line and column of the value (or key) it is about.
 * What a schema cannot say is checked here: a service listed twice, a key
 * given twice, paths that leave the project, an unknown rule id.
 *
 * ```json
 * {
 *   "$schema": "./node_modules/rst-codegen/schema/config.schema.json",
 *   "outDir": "generated",
 *   "style": "enum",
 *   "packageJson": true,
 *   "rules": { "nonstandard-phrase": "off" },
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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import type { VFile } from 'vfile';
import { configRules } from './config-rules.js';
import type { ConfigRuleId } from './config-rules.js';
import { lineColumn, lineStartsOf, scanJson } from './config-json.js';
import type { Located } from './config-json.js';
import { flag } from './diagnostics.js';
import type { RuleSetting } from './diagnostics.js';
import type { EnumStyle } from './emit/types.js';
import { titleFromId } from './model/index.js';
import { catalog, closestRuleIds } from './rules.js';

export type { EnumStyle } from './emit/types.js';

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
  /**
   * Whether the output folder gets a `package.json` declaring its modules
   * free of side effects (src/emit/package-json.ts); default true.
   */
  packageJson: boolean;
  /** Per-rule severity (`off` drops the rule), by rule id. */
  rules: Record<string, RuleSetting>;
  services: ServiceConfig[];
}

export { DEFAULT_CONFIG_NAME, MAX_CONFIG_BYTES } from './config-limits.js';

/** Schema errors reported per config; the rest are summed up in one message. */
const MAX_REPORTED = 50;

const configSchema: Record<string, unknown> = JSON.parse(readFileSync(new URL('../schema/config.schema.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
ajv.addVocabulary(['x-message']);
const validate = ajv.compile(configSchema);

interface RawService {
  name: string;
  title?: string;
  status?: string[];
  errors?: string[];
  docs?: string;
}
interface RawConfig {
  outDir?: string;
  style?: EnumStyle;
  packageJson?: boolean;
  rules?: Record<string, RuleSetting>;
  services: RawService[];
}

/**
 * Parses and validates a config. Returns null when it has errors (all of
 * them are reported to `file`, which should carry the config's path).
 */
export function parseConfig(text: string, file: VFile): Config | null {
  const lineStarts = lineStartsOf(text);
  const at = (offset: number) => lineColumn(lineStarts, offset);
  let errors = 0;
  /** Counts an error; only the first MAX_REPORTED are worded (a lazy `reason` is then built), so 80,000 bad keys stay linear. */
  const fail = (rule: ConfigRuleId, reason: string | (() => string), offset: number | (() => number)) => {
    errors++;
    if (errors > MAX_REPORTED) return;
    flag(file, configRules[rule], { text: typeof reason === 'string' ? reason : reason() }, at(typeof offset === 'number' ? offset : offset()));
  };

  const scan = scanJson(text);
  if (!scan.ok) {
    flag(file, configRules['config-syntax'], { text: `The config is not valid JSON: ${scan.reason}.` }, at(scan.offset));
    return null;
  }
  for (const d of scan.duplicates) {
    const first = at(d.firstKeyStart);
    fail('config-duplicate', `Key \`${clip(d.key)}\` is given twice in one object (first at ${first.line}:${first.column}).`, d.keyStart);
  }
  if (!validate(scan.value)) {
    for (const error of relevant(validate.errors ?? [])) {
      if (errors >= MAX_REPORTED) {
        errors++;
        continue;
      }
      const problem = describe(error, scan.root);
      fail(problem.rule, problem.reason, problem.offset);
    }
  }
  // What a schema cannot say; checked on every value of the right type, so
  // all of a config's problems are reported at once.
  const raw = (isObject(scan.value) ? scan.value : {}) as Partial<RawConfig>;
  const node = (pointer: string): Located => locate(scan.root, pointer) ?? scan.root;
  const inside = (value: unknown, pointer: string): string | null => {
    if (typeof value !== 'string') return null;
    if (isInside(value)) return toPosix(value);
    fail(
      'config-path-outside',
      `\`${where(pointer)}\` (\`${clip(value)}\`) points outside the project; use a path relative to the config file's folder.`,
      node(pointer).start,
    );
    return null;
  };
  const outDir = inside(raw.outDir ?? 'generated', '/outDir');
  if (outDir === '.') fail('config-value', '`outDir` must be a folder of its own, not the project folder: generate replaces it whole.', node('/outDir').start);

  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(isObject(raw.rules) ? raw.rules : {})) {
    if (catalog.has(id)) rules[id] = setting;
    else {
      fail(
        'config-unknown-rule',
        () =>
          `Unknown rule \`${clip(id)}\` in \`rules\`; the closest rule ids are ${closestRuleIds(id)
            .map((c) => `\`${c}\``)
            .join(', ')} (the README lists them all).`,
        () => scan.root.members?.get('rules')?.value.members?.get(id)?.keyStart ?? 0,
      );
    }
  }

  const services: ServiceConfig[] = [];
  const seen = new Map<string, number>();
  (Array.isArray(raw.services) ? raw.services : []).forEach((service: unknown, index) => {
    if (!isObject(service) || typeof service['name'] !== 'string') return;
    const s = service as unknown as RawService;
    const base = `/services/${index}`;
    const first = seen.get(s.name);
    if (first !== undefined) {
      const p = at(first);
      fail('config-duplicate', `Service \`${s.name}\` is listed twice, first listed at ${p.line}:${p.column}.`, node(`${base}/name`).start);
    } else seen.set(s.name, node(`${base}/name`).start);
    const pages = (key: 'status' | 'errors') => (Array.isArray(s[key]) ? s[key] : []).flatMap((page, i) => inside(page, `${base}/${key}/${i}`) ?? []);
    const status = pages('status');
    const errorPages = pages('errors');
    const docs = s.docs === undefined ? null : inside(s.docs, `${base}/docs`);
    if (s.status === undefined && s.errors === undefined && s.docs === undefined) {
      fail('config-missing', `Service \`${s.name}\` lists no pages: give \`status\`, \`errors\` or \`docs\`.`, node(base).start);
    }
    services.push({ name: s.name, title: s.title ?? titleFromId(s.name), status, errors: errorPages, docs });
  });
  if (errors > 0) return finish();
  return { outDir: outDir ?? 'generated', style: raw.style ?? 'enum', packageJson: raw.packageJson ?? true, rules, services };

  function finish(): null {
    if (errors > MAX_REPORTED) flag(file, configRules['config-value'], { text: `… and ${errors - MAX_REPORTED} more config errors.` }, at(0));
    return null;
  }
}

/** Drops the errors ajv reports for each failed branch of a `$ref`d definition twice (none today) and keeps document order. */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sentence, rule and place of one schema error. */
function describe(error: ErrorObject, root: Located): { rule: ConfigRuleId; reason: string; offset: number } {
  const target = locate(root, error.instancePath) ?? root;
  const name = where(error.instancePath);
  const expected = (error.parentSchema as { 'x-message'?: string } | undefined)?.['x-message'];
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const offset = target.members?.get(key)?.keyStart ?? target.start;
      return {
        rule: 'config-unknown-key',
        reason: `Unknown key \`${clip(key)}\` in ${error.instancePath === '' ? 'the config' : `\`${name}\``}; expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
        offset,
      };
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const reason = error.instancePath === '' ? 'The config needs a `services` array listing at least one service.' : `\`${name}\` needs a \`${key}\`.`;
      return { rule: 'config-missing', reason, offset: target.start };
    }
    case 'type':
      return {
        rule: 'config-type',
        reason:
          error.instancePath === ''
            ? 'The config must be a JSON object with a `services` array.'
            : `\`${name}\` ${expected ?? error.message ?? 'has the wrong type'}.`,
        offset: target.start,
      };
    case 'minItems':
      return { rule: 'config-value', reason: `\`${name}\` is empty: list at least one service.`, offset: target.start };
    case 'pattern':
      if (name.endsWith('.name'))
        return { rule: 'config-value', reason: `Service name \`${clip(String(error.data))}\` ${expected ?? 'is not valid'}.`, offset: target.start };
      return { rule: 'config-value', reason: `\`${name}\` contains a NUL character; give a path without one.`, offset: target.start };
    case 'enum':
      return {
        rule: 'config-value',
        reason: `\`${name}\` ${expected ?? 'has a value that is not allowed'}, not \`${clip(JSON.stringify(error.data))}\`.`,
        offset: target.start,
      };
    default:
      return { rule: 'config-value', reason: `\`${name}\` ${expected ?? error.message ?? 'is not valid'}.`, offset: target.start };
  }
}

/** The located node at a JSON pointer (`/services/0/status`), or undefined when the path leaves the tree. */
function locate(root: Located, pointer: string): Located | undefined {
  let node: Located | undefined = root;
  if (pointer === '') return node;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.members ? node.members.get(part)?.value : node?.items ? node.items[Number(part)] : undefined;
    if (!node) return undefined;
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/services/0/status` -> `services[0].status`, the way messages name a config value. */
function where(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Paths are relative to the config's folder and must stay inside it. */
function isInside(value: string): boolean {
  const normal = path.posix.normalize(toPosix(value));
  return !(path.isAbsolute(value) || path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || /^[a-zA-Z]:/.test(value));
}

/** `/`-separated and normalised (`./a//b/../c` -> `a/c`), so one file has one spelling. */
function toPosix(p: string): string {
  return path.posix.normalize(p.split(path.sep).join('/').replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}
