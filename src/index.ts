/**
 * rst-codegen's programmatic API. The stages, in pipeline order:
 *
 *   fromRst(text)                RST -> RstRoot (tables and cells as docutils reads them;
 *                                with { document: true }, also the whole block/inline tree, RstDocument)
 *   buildServiceModel(input)     RstRoot[] -> ServiceModel (status codes, error codes)
 *   emitService(model, options)  ServiceModel -> generated files
 *   generate(services, options)  all three, for a whole config
 *   merge(spec, components)      generated components -> an existing OpenAPI spec
 *
 * and the unified plugins that wrap them (`rstParse`, `rstModel`, `rstEmit`; `createProcessor()`
 * chains the three), and the rule catalog (`catalog`: every diagnostic's rule).
 */
export { generate, compare, createProcessor } from './generate.js';
export type { GenerateResult, ServiceSources, ServiceSummary } from './generate.js';
export { parseConfig, DEFAULT_CONFIG_NAME } from './config.js';
export type { Config, ServiceConfig, EnumStyle } from './config.js';
export { fromRst, toOracleJson } from './parse/index.js';
export type * from './parse/types.js';
export { rstParse } from './parse/plugin.js';
export { buildServiceModel, rules, httpStatus, titleFromId } from './model/index.js';
export type { RuleId } from './model/index.js';
export type * from './model/types.js';
export { rstModel } from './model/plugin.js';
export type { RstService, ServiceModelTree } from './model/plugin.js';
export { rstEmit } from './emit/plugin.js';
export { emitService, emitIndex, emitPackageJson, GENERATED_MARKER } from './emit/index.js';
export type { EmitOptions, OutputFile, PackageScope } from './emit/index.js';
export { merge, WIRE_SETS } from './merge/index.js';
export type { GeneratedComponents, GeneratedDocument, MergeOptions, MergeResult, ConflictPolicy, Owner } from './merge/index.js';
export { defineRules, flag, SOURCE } from './diagnostics.js';
export type { Rule, RuleSetting, Severity } from './diagnostics.js';
export { catalog, STAGES } from './rules.js';
