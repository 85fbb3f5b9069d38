/**
 * The emitters over the real corpus: every service of
 * ../shared/corpus/status-and-error-codes is read and modelled
 * (test/helpers/corpus-run.ts, shared with the model corpus test), emitted in
 * both styles, and every output is validated:
 * TypeScript type-checks as one project (the const style also under
 * erasableSyntaxOnly), schemas compile in ajv strict mode and accept exactly
 * the documented codes, OpenAPI documents are valid 3.1.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { emitIndex, emitService } from '../../src/emit/index.js';
import type { EnumStyle, OutputFile } from '../../src/emit/types.js';
import { buildServiceModel } from '../../src/model/index.js';
import { errorMemberName, statusMemberName } from '../../src/emit/typescript/names.js';
import { documentedErrors, documentedStatuses } from '../../src/emit/view.js';
import type { ServiceModel } from '../../src/model/types.js';
import { errorBodyOf } from '../../src/emit/json-schema/error-response.js';
import { registeredStatusNames } from '../../src/emit/typescript/status-names.js';
import { runModule } from './run-module.js';
import { ACCEPTED_REDOCLY_WARNINGS, redoclyLint } from '../helpers/redocly.js';
import { sharedPresent } from '../helpers/corpus.js';
import { codesCorpusRun, emittedService } from '../helpers/corpus-run.js';
import { topLevelStatements, typeCheck, validateJsonSchema, validateOpenApi } from '../helpers/validators.js';

const present = sharedPresent('emit corpus test');

/** Member name -> value of the first enum of a generated module (enum style). */
function enumMembers(text: string): Map<string, string | number> {
  const entries = Object.entries(runModule(text)[text.includes('export enum ErrorCode') ? 'ErrorCode' : 'StatusCode'] as Record<string, string | number>);
  // A numeric enum also maps values back to names: keep the name -> value direction only.
  return new Map(entries.filter(([name]) => !/^\d+$/.test(name)));
}

describe.skipIf(!present)('emit over the corpus', () => {
  const models = present ? codesCorpusRun().models : [];
  const styles: EnumStyle[] = ['enum', 'const'];
  const outputs = new Map<EnumStyle, OutputFile[]>(
    styles.map((style) => [style, [...models.flatMap((model) => emittedService(model, style)), emitIndex(models, { style })]]),
  );
  const of = (style: EnumStyle, suffix: string) => (outputs.get(style) ?? []).filter((file) => file.path.endsWith(suffix));

  it('emits every service', () => {
    expect(models.length).toBe(41);
    expect(of('enum', 'status-codes.ts').length).toBe(41);
    expect(of('enum', 'error-codes.ts').length).toBe(models.filter((model) => model.errorCodes.length > 0).length);
  });

  it.each(styles)('type-checks all TypeScript as one project (%s style)', (style) => {
    const files = Object.fromEntries(of(style, '.ts').map((file) => [file.path, file.contents]));
    expect(typeCheck(files, { erasableSyntaxOnly: style === 'const' })).toEqual([]);
    for (const [name, text] of Object.entries(files)) {
      const odd = topLevelStatements(text).filter((line) => line.startsWith('other') || line.startsWith('parse-error'));
      expect(odd, name).toEqual([]);
    }
  });

  it('writes schemas that compile strictly and accept exactly the documented codes', () => {
    for (const model of models) {
      const dir = model.service;
      const statusFile = of('enum', `${dir}/status-code.schema.json`)[0];
      const status = validateJsonSchema(JSON.parse(statusFile?.contents ?? 'null'));
      expect(status.errors, dir).toEqual([]);
      for (const code of model.statusCodes) expect(status.accepts(code.code), `${dir} ${code.code}`).toBe(true);
      expect(status.accepts(1), dir).toBe(false);
      if (model.errorCodes.length === 0) continue;
      const errorFile = of('enum', `${dir}/error-response.schema.json`)[0];
      const error = validateJsonSchema(JSON.parse(errorFile?.contents ?? 'null'));
      expect(error.errors, dir).toEqual([]);
      const body = errorBodyOf(model);
      const shaped = (code: string) => {
        const members = { [body.codeField]: code, ...(body.messageField === null ? {} : { [body.messageField]: '' }) };
        return body.wrapper === null ? members : { [body.wrapper]: members };
      };
      for (const code of model.errorCodes) expect(error.accepts(shaped(code.code)), `${dir} ${code.code}`).toBe(true);
      // A code the docs do not list never makes a real error body invalid; a body without its code does not validate.
      expect(error.accepts(shaped('Undocumented.0001')), dir).toBe(true);
      expect(error.accepts(body.wrapper === null ? {} : { [body.wrapper]: {} }), dir).toBe(false);
      for (const example of model.errorBody?.examples ?? []) expect(error.accepts(example), `${dir} documented example`).toBe(true);
    }
  });

  it('writes valid OpenAPI 3.1 documents with one response per status code', async () => {
    for (const model of models) {
      const file = of('enum', `${model.service}/openapi.json`)[0];
      const doc = JSON.parse(file?.contents ?? 'null') as { components: { responses: object } };
      expect(await validateOpenApi(doc), model.service).toEqual([]);
      expect(Object.keys(doc.components.responses).length, model.service).toBe(new Set(model.statusCodes.map((s) => s.code)).size);
    }
  });

  it('is deterministic', () => {
    expect([...models.flatMap((model) => emitService(model, { style: 'enum' })), emitIndex([...models].reverse(), { style: 'enum' })]).toEqual(
      outputs.get('enum'),
    );
  });

  it('gives each registered status code one member name in every service, and group guards without counters', () => {
    const names = new Map<number, Set<string>>();
    for (const file of of('enum', 'status-codes.ts')) {
      for (const [name, code] of enumMembers(file.contents)) names.set(Number(code), (names.get(Number(code)) ?? new Set()).add(name));
      expect(file.contents, file.path).not.toMatch(/export function is\w*_\d+\(|isStatusCodesStatus|isStatusCodeStatus/);
    }
    for (const [code, set] of names) {
      const registered = registeredStatusNames.get(code);
      if (registered !== undefined) expect([...set], String(code)).toEqual([registered]);
    }
    expect(names.get(408)).toEqual(new Set(['REQUEST_TIMEOUT']));
    expect(names.get(413)).toEqual(new Set(['REQUEST_TOO_LONG']));
    expect(names.get(504)).toEqual(new Set(['GATEWAY_TIMEOUT']));
  });

  it('renames no member when a page is added (every service, each page left out in turn)', () => {
    const files = new Map<string, VFile>();
    const membersOf = (model: ServiceModel) => [
      new Map(documentedStatuses(model).map((status) => [statusMemberName(status), status.code])),
      new Map(documentedErrors(model).map((error) => [errorMemberName(error.code), error.code])),
    ];
    let checked = 0;
    for (const [service, pages] of codesCorpusRun().byService) {
      if (pages.length < 2) continue;
      const after = membersOf(buildServiceModel({ service, pages }, files));
      for (let leftOut = 0; leftOut < pages.length; leftOut++) {
        const before = membersOf(buildServiceModel({ service, pages: pages.filter((_, i) => i !== leftOut) }, files));
        before.forEach((members, kind) => {
          for (const [name, value] of members) {
            expect(after[kind]?.get(name), `${service} ${name}`).toBe(value);
            checked++;
          }
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('passes redocly lint (recommended) with no error; only the accepted warnings remain', async () => {
    const docs = Object.fromEntries(of('enum', 'openapi.json').map((file) => [file.path, JSON.parse(file.contents) as unknown]));
    const problems = await redoclyLint(docs);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => !ACCEPTED_REDOCLY_WARNINGS.has(p.ruleId)).slice(0, 3)).toEqual([]);
    expect([...new Set(problems.map((p) => p.ruleId))].filter((rule) => !ACCEPTED_REDOCLY_WARNINGS.has(rule))).toEqual([]);
  });
});
