/**
 * The config's default file name and size limit. A module of its own, with no
 * imports, so that the CLI can read a config before it loads the validator
 * (config.ts, with ajv): `generate` with an unchanged config never loads it.
 */

export const DEFAULT_CONFIG_NAME = 'rst-codegen.config.json';

/** Largest config read (bytes); a larger one is refused with a message, before it is parsed. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
