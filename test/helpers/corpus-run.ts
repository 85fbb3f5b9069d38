/**
 * The status-code corpus read once per test worker: every page of
 * ../shared/corpus/status-and-error-codes parsed (the parse stage's
 * `fromRst`; MODEL_CORPUS_READER=oracle reads docutils' reading instead,
 * through test/helpers/oracle-root.ts) and modelled per service. The model
 * and emit corpus tests share it (vitest runs test files of one worker in one
 * module graph: `isolate: false`); nothing may modify it.
 */
import { VFile } from 'vfile';
import { emitService } from '../../src/emit/index.js';
import type { EnumStyle, OutputFile } from '../../src/emit/types.js';
import { buildServiceModel } from '../../src/model/index.js';
import type { ServiceModel } from '../../src/model/types.js';
import { fromRst } from '../../src/parse/index.js';
import type { RstRoot } from '../../src/parse/types.js';
import { corpusPages, readOracle, readPage, serviceOf } from './corpus.js';
import { oracleRoot, type OracleDoc } from './oracle-root.js';

export interface CorpusRun {
  reader: 'parse' | 'oracle';
  /** Every page, path relative to the corpus folder, in walk order. */
  pages: ReadonlyArray<{ path: string; root: RstRoot }>;
  /** The pages of each service, services in walk order. */
  byService: ReadonlyMap<string, Array<{ path: string; root: RstRoot }>>;
  /** One model per service, in walk order. */
  models: readonly ServiceModel[];
  /** The diagnostics of every page, by page path. */
  files: ReadonlyMap<string, VFile>;
}

let cached: CorpusRun | undefined;

export function codesCorpusRun(): CorpusRun {
  if (cached) return cached;
  const reader = process.env['MODEL_CORPUS_READER'] === 'oracle' ? 'oracle' : 'parse';
  const byService = new Map<string, Array<{ path: string; root: RstRoot }>>();
  for (const page of corpusPages()) {
    const text = readPage(page);
    const root = reader === 'parse' ? fromRst(text, { path: page.rel, document: true }) : oracleRoot(readOracle<OracleDoc>(page), text);
    const service = serviceOf(page);
    byService.set(service, [...(byService.get(service) ?? []), { path: page.rel, root }]);
  }
  const files = new Map<string, VFile>();
  const models = [...byService].map(([service, pages]) => buildServiceModel({ service, pages }, files));
  cached = { reader, pages: [...byService.values()].flat(), byService, models, files };
  return cached;
}

const emitted = new WeakMap<ServiceModel, Map<EnumStyle, readonly OutputFile[]>>();

/**
 * `emitService(model, { style })`, once per model and style in a worker: the
 * emit corpus and bundle-size tests both read the corpus's generated files
 * (emit/corpus.test.ts checks that emitting again gives the same files).
 * Nothing may modify them.
 */
export function emittedService(model: ServiceModel, style: EnumStyle): readonly OutputFile[] {
  const byStyle = emitted.get(model) ?? new Map<EnumStyle, readonly OutputFile[]>();
  emitted.set(model, byStyle);
  let files = byStyle.get(style);
  if (files === undefined) {
    files = emitService(model, { style });
    byStyle.set(style, files);
  }
  return files;
}
