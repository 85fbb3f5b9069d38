/**
 * `rst-codegen generate [--check] [--config FILE] [--watch]`: config -> pages
 * -> generate() -> the output folder, written atomically (see output.ts).
 */
import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { DEFAULT_CONFIG_NAME } from '../config-limits.js';
import type { Config } from '../config.js';
import { applyRuleSettings, flag } from '../diagnostics.js';
import type { ServiceSources, ServiceSummary } from '../generate.js';
import type { OutputFile } from '../emit/types.js';
import { readRules } from './rules.js';
import { parseFlags, REPORT_FLAGS, reporting, tooManyWarnings } from './args.js';
import type { Reporting } from './args.js';
import { parseReadConfig, readConfigText } from './config.js';
import { ExitCode } from './io.js';
import type { CliIo, Command } from './io.js';
import {
  configKeyOf,
  expectedFiles,
  readManifest,
  restoreMessages,
  runKeyOf,
  storeMessages,
  writeManifest,
  type ExpectedFile,
  type Manifest,
} from './manifest.js';
import { readPackageScope, type ScopeRead } from './package-scope.js';
import { compareOutput, ForeignFile, Interrupted, OutputRefused, outputUpToDate, replaceOutput, resolveOutDir } from './output.js';
import { describeFsError, findCodePages, findDocPages, isInside, loadPage } from './read.js';
import { countsLine, formatReport } from './report.js';

export const generateCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(
    args,
    {
      check: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      watch: { type: 'boolean', short: 'w' },
      'no-cache': { type: 'boolean' },
      ...REPORT_FLAGS,
    },
    'generate',
  );
  if (values.help) {
    const { HELP } = await import('./help.js');
    io.stdout(HELP.generate);
    return ExitCode.ok;
  }
  if (positionals.length > 0) {
    io.stderr(`rst-codegen generate: unexpected argument \`${positionals[0]}\`; pages are listed in the config (run \`rst-codegen generate --help\`).\n`);
    return ExitCode.usage;
  }
  const configPath = path.resolve(io.cwd, values.config ?? DEFAULT_CONFIG_NAME);
  const options: RunOptions = { ...reporting(values, 'generate', io), check: Boolean(values.check), cache: !values['no-cache'] };
  if (values.watch) {
    if (options.check) {
      io.stderr('rst-codegen generate: --watch and --check cannot be combined.\n');
      return ExitCode.usage;
    }
    return watchLoop(configPath, options, io);
  }
  return (await runOnce(configPath, options, io)).code;
};

interface RunOptions extends Reporting {
  check: boolean;
  /** Use the run cache (manifest.ts): `--no-cache` turns it off. */
  cache: boolean;
}

interface RunOutcome {
  code: number;
  /** Absolute paths the run read (config and pages), for --watch. */
  inputs: string[];
  /** Absolute docs folders of the config, watched whole by --watch (a new page there counts). */
  trees?: string[];
  /** Whether the run took its result from the run cache (nothing parsed or rendered). */
  cached?: boolean;
}

/** One generate run; never throws for a user error. */
export async function runOnce(configPath: string, options: RunOptions, io: CliIo): Promise<RunOutcome> {
  const inputs = [configPath];
  const read = await readConfigText(io, configPath, 'generate', options);
  if (!read.ok) return { code: read.code, inputs };
  const configFile = read.config.file;
  const base = path.dirname(read.config.path);
  const stored = options.cache ? await readManifest(configPath) : null;
  const configKey = options.cache ? configKeyOf(read.config.path, read.config.text) : null;
  let config: Config;
  let configMessages: Manifest['configMessages'];
  if (stored !== null && stored.configKey === configKey) {
    config = stored.config;
    restoreMessages(configFile, stored.configMessages);
    configMessages = stored.configMessages;
  } else {
    const parsed = await parseReadConfig(io, read.config, options);
    if (!parsed.ok) return { code: parsed.code, inputs };
    config = parsed.loaded.config;
    configMessages = storeMessages(configFile);
  }
  const display = configFile.path;

  const { services, readFailed, files: pageFiles } = await loadServices(config, base, configFile);
  inputs.push(...pageFiles.map((f) => path.resolve(base, f.path)));
  const trees = config.services.flatMap((s) => (s.docs === null ? [] : [path.resolve(base, s.docs)]));
  let result: { files: readonly (OutputFile | ExpectedFile)[]; summary: ServiceSummary[]; cached: boolean } | null = null;
  const outcome = (code: number): RunOutcome => ({ code, inputs, trees, cached: result?.cached ?? false });
  const runFile = new VFile({ path: display });
  const all = [configFile, ...pageFiles, runFile];
  const scope = config.packageJson ? await outputScope(base, config.outDir) : null;
  if (scope?.path) inputs.push(scope.path);
  const runKey = configKey !== null && !readFailed ? runKeyOf(configKey, services, scope) : null;
  const hit =
    stored !== null &&
    runKey !== null &&
    stored.configKey === configKey &&
    stored.runKey === runKey &&
    stored.messages.length === all.length &&
    (options.check || (await cachedUpToDate(base, config, stored)));
  if (hit) {
    all.forEach((file, i) => restoreMessages(file, stored.messages[i] ?? []));
    result = { files: stored.files, summary: stored.summary, cached: true };
  } else if (!readFailed) {
    const { generate } = await import('../generate.js');
    if (scope?.ok === false) {
      const shown = path.relative(io.cwd, scope.path);
      flag(
        runFile,
        readRules['package-json-unreadable'],
        {
          text: `Cannot read \`${shown}\` (${scope.reason}): the module type of \`${config.outDir}\` is unknown, so \`${config.outDir}/package.json\` is not generated.`,
        },
        undefined,
      );
    }
    // No package.json above: not a package (no bundler reads the declaration), and a `type`-less one
    // would make Node warn about the generated folder where it detected ES modules silently before.
    const packageScope = scope?.ok && scope.path !== null ? scope.scope : null;
    const generated = generate(services, { style: config.style, rules: config.rules, packageScope }, runFile);
    result = { files: generated.files, summary: generated.summary, cached: false };
  }
  applyRuleSettings(all, config.rules);
  const { text: reportText, counts } = formatReport(all, options);
  io.stderr(reportText);
  if (readFailed) {
    io.stderr(`rst-codegen generate: ${countsLine(counts)}; some pages could not be read, nothing was written.\n`);
    return outcome(ExitCode.io);
  }
  if (!result || counts.errors > 0) {
    io.stderr(`rst-codegen generate: ${countsLine(counts)}; nothing was written.\n`);
    return outcome(ExitCode.failed);
  }
  const tooMany = tooManyWarnings(counts, options, 'generate', io);
  if (tooMany !== null) {
    io.stderr('rst-codegen generate: nothing was written.\n');
    return outcome(tooMany);
  }
  /** Records this run in the cache once the output folder is known to hold its files. */
  const remember = async () => {
    if (configKey === null || runKey === null || result === null || result.cached) return;
    const rendered = result.files.filter((file): file is OutputFile => 'contents' in file);
    await writeManifest(configPath, {
      format: 1,
      configKey,
      config,
      configMessages,
      runKey,
      messages: all.map(storeMessages),
      summary: result.summary,
      files: expectedFiles(rendered),
    });
  };

  const outDisplay = path.relative(io.cwd, path.resolve(base, config.outDir)) || '.';
  let outDir: string;
  try {
    outDir = await resolveOutDir(base, path.resolve(base, config.outDir), outDisplay);
  } catch (error) {
    if (error instanceof OutputRefused) {
      io.stderr(`rst-codegen generate: ${error.message}\n`);
      return outcome(ExitCode.usage);
    }
    io.stderr(`rst-codegen generate: cannot use the output folder \`${outDisplay}\`: ${describeFsError(error)}.\n`);
    return outcome(ExitCode.io);
  }
  // Inputs are compared by real path: a link must not make the output folder hold one.
  const inputPaths = [
    configPath,
    ...pageFiles.map((f) => path.resolve(base, f.path)),
    ...config.services.flatMap((s) => (s.docs === null ? [] : [path.resolve(base, s.docs)])),
  ];
  let input: string | undefined;
  for (const p of inputPaths) {
    if (isInside(outDir, await realpath(p).catch(() => path.resolve(p)))) {
      input = p;
      break;
    }
  }
  if (input !== undefined) {
    io.stderr(
      `rst-codegen generate: the output folder \`${outDisplay}\` holds the input \`${path.relative(io.cwd, input)}\`; generate replaces that folder whole, so give \`outDir\` a folder of its own.\n`,
    );
    return outcome(ExitCode.usage);
  }
  if (options.check) {
    let differences;
    try {
      differences = await compareOutput(outDir, result.files);
    } catch (error) {
      io.stderr(`rst-codegen generate --check: cannot read \`${outDisplay}\`: ${describeFsError(error)}.\n`);
      return outcome(ExitCode.io);
    }
    if (differences.length === 0) {
      if (!options.quiet) io.stdout(`${outDisplay}/ is up to date (${result.files.length} files).\n`);
      await remember();
      return outcome(ExitCode.ok);
    }
    for (const d of differences) {
      const why =
        d.kind === 'stale'
          ? 'is out of date: the docs now generate different contents'
          : d.kind === 'missing'
            ? 'is missing: the docs generate it'
            : 'is extra: no configured service generates it';
      io.stderr(`${outDisplay}/${d.path} ${why}\n`);
    }
    io.stderr(`rst-codegen generate --check: ${differences.length} file(s) out of date; run \`npm run generate\` and commit the result.\n`);
    return outcome(ExitCode.failed);
  }
  const rendered = result.files.filter((file): file is OutputFile => 'contents' in file);
  try {
    // A cached result is only taken when the folder is up to date (cachedUpToDate): nothing to write.
    const wrote = result.cached ? false : await replaceOutput(outDir, rendered);
    if (!options.quiet) {
      io.stdout(summaryTable(result.summary));
      io.stdout(wrote ? `Wrote ${result.files.length} files to ${outDisplay}/.\n` : `${outDisplay}/ was already up to date.\n`);
    }
    await remember();
    return outcome(ExitCode.ok);
  } catch (error) {
    if (error instanceof Interrupted) {
      io.stderr(`rst-codegen generate: ${error.message}\n`);
      return outcome(ExitCode.interrupted);
    }
    if (error instanceof ForeignFile) {
      io.stderr(`rst-codegen generate: ${error.message}\n`);
      return outcome(ExitCode.io);
    }
    io.stderr(`rst-codegen generate: cannot write \`${outDisplay}\`: ${describeFsError(error)}; the output folder was left as it was.\n`);
    return outcome(ExitCode.io);
  }
}

/** The package scope of the output folder (by its real path when it resolves; package-scope.ts). */
async function outputScope(base: string, outDir: string): Promise<ScopeRead> {
  const absolute = path.resolve(base, outDir);
  return readPackageScope(await resolveOutDir(base, absolute).catch(() => absolute));
}

/** Resolves each service's pages (listed ones, then those found under `docs`, without repeats) and loads them. */
async function loadServices(config: Config, base: string, configFile: VFile) {
  const services: ServiceSources[] = [];
  const files: VFile[] = [];
  let readFailed = false;
  for (const service of config.services) {
    const paths: string[] = [...service.status, ...service.errors];
    const apiPaths: string[] = [];
    if (service.docs !== null) {
      try {
        paths.push(...(await findCodePages(base, service.docs)));
        // Every other page of the docs folder is read for operations (API reference pages).
        const codePages = new Set(paths);
        apiPaths.push(...(await findDocPages(base, service.docs)).filter((page) => !codePages.has(page)));
      } catch (error) {
        flag(
          configFile,
          readRules['read-failed'],
          { text: `Service \`${service.name}\`: cannot search docs folder \`${service.docs}\`: ${describeFsError(error)}.` },
          undefined,
        );
        readFailed = true;
      }
    }
    const unique = [...new Set(paths)];
    if (service.docs !== null && unique.length === 0) {
      flag(
        configFile,
        readRules['no-pages'],
        { text: `Service \`${service.name}\`: docs folder \`${service.docs}\` holds no status or error-code pages.` },
        undefined,
      );
    }
    const pages: VFile[] = [];
    for (const page of unique) {
      const { file, ok } = await loadPage(base, page, { within: base });
      files.push(file);
      if (ok) pages.push(file);
      else readFailed = true;
    }
    const apiPages: VFile[] = [];
    for (const page of apiPaths) {
      const { file, ok } = await loadPage(base, page);
      files.push(file);
      if (ok) apiPages.push(file);
      else readFailed = true;
    }
    services.push({ service: service.name, title: service.title, pages, apiPages });
  }
  return { services, readFailed, files };
}

/** For a run that writes: whether the output folder already holds the recorded files (then nothing needs rendering). */
async function cachedUpToDate(base: string, config: Config, stored: Manifest): Promise<boolean> {
  try {
    return await outputUpToDate(await resolveOutDir(base, path.resolve(base, config.outDir)), stored.files);
  } catch {
    return false;
  }
}

function summaryTable(summary: readonly ServiceSummary[]): string {
  const header = ['service', 'pages', 'status codes', 'error codes', 'errors', 'warnings'];
  const rows = summary.map((s) => [s.service, String(s.pages), String(s.statusCodes), String(s.errorCodes), String(s.errors), String(s.warnings)]);
  const total = ['total', ...[1, 2, 3, 4, 5].map((i) => String(rows.reduce((sum, r) => sum + Number(r[i]), 0)))];
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => all.reduce((w, r) => Math.max(w, r[i]!.length), 0));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return `${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), line(total)].join('\n')}\n`;
}

/** --watch: run, then re-run (debounced) whenever the config or a page changes; errors are reported, not fatal. */
async function watchLoop(configPath: string, options: RunOptions, io: CliIo): Promise<number> {
  const debounceMs = 150;
  let watchers: ReturnType<typeof watch>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let resolveStopped: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveStopped = resolve));
  const closeWatchers = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };
  // File-system events can be missed (a folder removed while its watcher is being replaced, a loaded
  // machine): every 2 s the watched paths are also compared with what the last run saw.
  let seen = '';
  let signature: () => string = () => '';
  const poll = setInterval(() => {
    if (stopped || seen === '') return;
    const now = signature();
    if (now !== seen) {
      seen = now;
      schedule();
    }
  }, 2000);
  poll.unref();
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, debounceMs);
  };
  const base = path.dirname(configPath);
  /** Attaches one watcher per folder of `plan`, re-running on an event whose name one of its tests accepts. */
  const attachAll = (plan: Map<string, Array<(name: string) => boolean>>) => {
    for (const [folder, tests] of plan) {
      try {
        const watcher = watch(folder, (_event, name) => (name === null || tests.some((t) => t(String(name))) ? schedule() : undefined));
        // A watched folder removed under it: re-run, which re-attaches.
        watcher.on('error', () => schedule());
        watchers.push(watcher);
      } catch {
        // A folder that vanished meanwhile: its parent's watcher sees it come back.
      }
    }
  };
  const run = async () => {
    if (stopped) return;
    const started = Date.now();
    const outcome = await runOnce(configPath, options, io);
    if (stopped) return;
    io.stderr(
      `rst-codegen generate --watch: ${outcome.code === 0 ? 'done' : `failed (exit ${outcome.code})`}; watching ${outcome.inputs.length} file(s) for changes (Ctrl-C stops).\n`,
    );
    closeWatchers();
    const plan = new Map<string, Array<(name: string) => boolean>>();
    const want = (folder: string, test: (name: string) => boolean) => {
      if (!existsSync(folder)) return;
      const tests = plan.get(folder) ?? [];
      tests.push(test);
      plan.set(folder, tests);
    };
    // Every folder on the way from the project folder down to a watched one is watched for the
    // next name on that way: a folder removed and made again (as a branch switch does) is seen
    // coming back, even when the run in between found it missing.
    const wantWay = (folder: string) => {
      for (let child = folder, dir = path.dirname(folder); dir !== child && isInside(base, dir); child = dir, dir = path.dirname(dir)) {
        const name = path.basename(child);
        want(dir, (n) => n === name);
      }
    };
    // Docs folders: every folder below them is watched, attached synchronously (Node 20's recursive
    // watcher starts asynchronously and can miss early events); a page or folder event re-runs, and
    // every run re-attaches, so a page in a new folder is found by the run's own scan.
    for (const tree of outcome.trees ?? []) {
      for (const folder of foldersBelow(tree)) want(folder, (name) => name.endsWith('.rst') || !name.includes('.'));
      wantWay(tree);
    }
    for (const input of outcome.inputs) {
      const name = path.basename(input);
      want(path.dirname(input), (n) => n === name);
      wantWay(path.dirname(input));
    }
    attachAll(plan);
    const trees = outcome.trees ?? [];
    signature = () => pathsSignature([...outcome.inputs, ...trees.flatMap(foldersBelow)]);
    seen = signature();
    // A change made while the run was working (before these watchers existed) is not lost; nor is a page or
    // docs folder removed after a successful run read it (the watchers above attach to what is there now).
    if (outcome.inputs.some((p) => changedSince(p, started)) || trees.some((t) => changedSince(t, started))) schedule();
    else if (outcome.code === 0 && [...outcome.inputs, ...trees].some((p) => !existsSync(p))) schedule();
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(poll);
    closeWatchers();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // Let a run in progress finish (its writes are atomic), then exit.
    void running.then(() => resolveStopped(ExitCode.ok));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  running = running.then(run);
  return done;
}

/** What --watch's poll compares: each path's size and modification time, or that it is missing. */
function pathsSignature(paths: readonly string[]): string {
  return paths
    .map((p) => {
      try {
        const s = statSync(p);
        return `${p}\0${s.size}\0${s.mtimeMs}`;
      } catch {
        return `${p}\0missing`;
      }
    })
    .join('\n');
}

/** `dir` and every folder below it (none when it does not exist). */
function foldersBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    out.push(d);
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(d, e.name));
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Whether `file` was modified between `time` (ms) and now; false when it cannot be read (a future mtime, from clock skew, does not count, or it would re-run forever). */
function changedSince(file: string, time: number): boolean {
  try {
    const { mtimeMs } = statSync(file);
    return mtimeMs >= time - 1 && mtimeMs <= Date.now() + 1;
  } catch {
    return false;
  }
}
