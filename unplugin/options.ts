/**
 * The plugin's options: the `viztracer` command's names in camelCase, validated once when the
 * plugin is created (unknown keys rejected, every bad value named), so a typo fails the build at
 * config time instead of tracing the wrong thing.
 */
import { isAbsolute, resolve } from 'node:path';
import type { LogRewriteOptions } from '../instrument/index.js';
import { parseDuration } from '../runtime/parse-duration.js';
import { VizTracerError } from '../runtime/viztracer-error.js';

/** Where the instrumented code runs, which decides the runtime injected into the bundle. */
export type Platform =
  | 'node' // Node (or Deno/Bun): record on the hrtime clock, write `outputFile` at exit
  | 'browser' // browsers and web workers: record on performance.now, save through the dev server or a download
  | 'auto'; // derive it from the bundler: Vite client/SSR, esbuild `platform`, webpack/Rspack `target`, else node

export interface VizTracerPluginOptions {
  /**
   * Only instrument files matching these globs or path prefixes (relative ones are resolved
   * against `root`). A pattern into `node_modules` opts those files in.
   * @default every file outside node_modules
   */
  include?: string | string[];
  /**
   * Never instrument files matching these globs or path prefixes (relative to `root`).
   * @default [] (node_modules and virtual modules are always excluded)
   */
  exclude?: string | string[];
  /**
   * Project root: trace paths (`main.ts:3`) are relative to it and relative patterns and
   * `outputFile` are resolved against it.
   * @default the bundler's root (Vite `root`, webpack `context`, esbuild `absWorkingDir`), else process.cwd()
   */
  root?: string;
  /** Ring-buffer size in calls; the newest N are kept. @default 1000000 */
  tracerEntries?: number;
  /** Do not record calls deeper than N (-1: unlimited). @default -1 */
  maxStackDepth?: number;
  /** Drop calls shorter than this: `"10us"`, `"0.5ms"`, `"1s"` (a bare number is µs). @default "0" */
  minDuration?: string | number;
  /**
   * Node targets: the trace file written when the program exits (`.json` or `.json.gz`),
   * relative to `root`. Browser targets save through the dev server or a download instead.
   * @default "result.json"
   */
  outputFile?: string;
  /** Which runtime the bundle gets. @default "auto" */
  platform?: Platform;
  /** Browser targets: also save when the page is hidden (tab closed or switched). @default false */
  saveOnPageHide?: boolean;
  /** Node targets: no `viztracer: saved N events` line at exit. @default false */
  quiet?: boolean;
  /**
   * Log every assignment to a variable whose whole name matches one of these RegEx sources:
   * declarations, assignments, destructuring, for-of/in targets, parameters (`--log-var`).
   * @default none
   */
  logVar?: string | string[];
  /** As `logVar`, as counter events (`--log-number`). @default none */
  logNumber?: string | string[];
  /** Assignments to `obj.attr` / `obj["attr"]` whose attribute name matches (`--log-attr`). @default none */
  logAttr?: string | string[];
  /** Inside functions whose name matches, every assignment is added to the call's args (`--log-func-exec`). @default none */
  logFuncExec?: string | string[];
  /** An instant event when a function whose name matches is entered (`--log-func-entry`). @default none */
  logFuncEntry?: string | string[];
  /** Every `throw` records the thrown value (`--log-exception`). @default false */
  logException?: boolean;
  /** Arguments of every call (true), or of functions whose name matches this RegEx (`--log-func-args`). @default false */
  logFuncArgs?: boolean | string;
  /** Return value of every call (true), or of functions whose name matches this RegEx (`--log-func-retval`). @default false */
  logFuncRetval?: boolean | string;
  /** console.log/info/warn/error/debug calls become instant events (`--log-print`). @default false */
  logPrint?: boolean;
  /** With `logPrint`: do not also write the console output (`--hide-print`). @default false */
  hidePrint?: boolean;
  /** Node targets: garbage collections as events and a counter (`--log-gc`). @default false */
  logGc?: boolean;
  /** Record only functions marked with logSparse() and custom events (`--log-sparse`). @default false */
  logSparse?: boolean;
  /** Longest text kept for a logged value (`--repr-limit`). @default 256 */
  reprLimit?: number;
}

/** Options after validation: defaults applied, root still open until the bundler says what it is. */
export interface ResolvedPluginOptions {
  include: string[] | undefined;
  exclude: string[];
  root: string | undefined;
  tracerEntries: number | undefined;
  /** undefined = unlimited. */
  maxStackDepth: number | undefined;
  /** As the user wrote it; checked here, parsed by the runtime. */
  minDuration: string | undefined;
  outputFile: string;
  platform: Platform;
  saveOnPageHide: boolean;
  quiet: boolean;
  /** Compile-time logs for instrumentCode (only the options that were set). */
  logs: LogRewriteOptions;
  /** Runtime log options for the injected runtime. */
  logPrint: boolean;
  hidePrint: boolean;
  logGc: boolean;
  logSparse: boolean;
  reprLimit: number | undefined;
}

const LOG_LISTS = ['logVar', 'logNumber', 'logAttr', 'logFuncExec', 'logFuncEntry'] as const;
const LOG_FLAG_OR_REGEX = ['logFuncArgs', 'logFuncRetval'] as const;
const KNOWN = new Set([
  'include', 'exclude', 'root', 'tracerEntries', 'maxStackDepth', 'minDuration', 'outputFile', 'platform', 'saveOnPageHide', 'quiet',
  ...LOG_LISTS, 'logException', ...LOG_FLAG_OR_REGEX, 'logPrint', 'hidePrint', 'logGc', 'logSparse', 'reprLimit',
]);

const invalid = (key: string, expected: string, value: unknown): VizTracerError =>
  new VizTracerError('INVALID_OPTION', `option "${key}" expects ${expected}, got ${show(value)}`);

function show(value: unknown): string {
  try {
    return typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function patterns(key: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p !== '')) {
    throw invalid(key, 'a glob or path, or an array of them', value);
  }
  return list as string[];
}

function integer(key: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalid(key, `an integer >= ${min}`, value);
  }
  return value;
}

function regex(key: string, source: string): string {
  try {
    new RegExp(source);
    return source;
  } catch (error) {
    throw invalid(key, `a valid regular expression (${error instanceof Error ? error.message : String(error)})`, source);
  }
}

/** The compile-time log options that were set, as instrumentCode takes them. */
function logRewriteOptions(o: Record<string, unknown>): LogRewriteOptions {
  const logs: LogRewriteOptions = {};
  for (const key of LOG_LISTS) {
    const list = o[key] === undefined ? undefined : typeof o[key] === 'string' ? [o[key]] : o[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string' && p !== '')) {
      throw invalid(key, 'a regular expression or an array of them', o[key]);
    }
    logs[key] = (list as string[]).map((source) => regex(key, source));
  }
  if (flag('logException', o['logException'])) logs.logException = true;
  for (const key of LOG_FLAG_OR_REGEX) {
    const v = o[key];
    if (v === undefined || v === false) continue;
    if (v !== true && (typeof v !== 'string' || v === '')) throw invalid(key, 'true, false or a regular expression', v);
    logs[key] = v === true ? true : regex(key, v);
  }
  return logs;
}

function flag(key: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid(key, 'true or false', value);
  return value;
}

export function resolvePluginOptions(options: unknown): ResolvedPluginOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new VizTracerError('INVALID_OPTION', `viztracer plugin options must be an object, got ${show(options)}`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key)) {
      throw new VizTracerError('UNKNOWN_OPTION', `unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
    }
  }
  if (o['root'] !== undefined && (typeof o['root'] !== 'string' || o['root'] === '')) throw invalid('root', 'a directory path', o['root']);
  const minDuration = o['minDuration'];
  if (minDuration !== undefined) {
    if (typeof minDuration !== 'string' && typeof minDuration !== 'number') throw invalid('minDuration', 'a duration like "10us", "2ms" or "1s"', minDuration);
    try {
      parseDuration(minDuration);
    } catch {
      throw invalid('minDuration', 'a duration like "10us", "2ms" or "1s"', minDuration);
    }
  }
  const outputFile = o['outputFile'] ?? 'result.json';
  if (typeof outputFile !== 'string' || outputFile === '') throw invalid('outputFile', 'a file path', outputFile);
  if (!/\.json(\.gz)?$/.test(outputFile)) throw invalid('outputFile', 'a .json or .json.gz path', outputFile);
  const platform = o['platform'] ?? 'auto';
  if (platform !== 'node' && platform !== 'browser' && platform !== 'auto') throw invalid('platform', '"node", "browser" or "auto"', platform);
  const maxStackDepth = integer('maxStackDepth', o['maxStackDepth'], -1);
  return {
    include: patterns('include', o['include']),
    exclude: patterns('exclude', o['exclude']) ?? [],
    root: o['root'] === undefined ? undefined : resolve(o['root'] as string),
    tracerEntries: integer('tracerEntries', o['tracerEntries'], 1),
    maxStackDepth: maxStackDepth === -1 ? undefined : maxStackDepth,
    minDuration: minDuration === undefined ? undefined : String(minDuration),
    outputFile,
    platform,
    saveOnPageHide: flag('saveOnPageHide', o['saveOnPageHide']),
    quiet: flag('quiet', o['quiet']),
    logs: logRewriteOptions(o),
    logPrint: flag('logPrint', o['logPrint']),
    hidePrint: flag('hidePrint', o['hidePrint']),
    logGc: flag('logGc', o['logGc']),
    logSparse: flag('logSparse', o['logSparse']),
    reprLimit: integer('reprLimit', o['reprLimit'], 1),
  };
}

const GLOB_CHARS = /[*?[\]{}!()]/;

/**
 * A user pattern as an absolute glob, as unplugin's filter (picomatch) and Rollup's native filter
 * read them: a plain path also matches everything under it, so `src` and `src/` work as prefixes.
 * The root is not escaped: unplugin's filter turns every backslash into a slash (Windows paths), so a
 * root containing glob characters (`a(1)`) needs absolute patterns.
 */
export function toIdPatterns(pattern: string, root: string): string[] {
  const slashed = pattern.replace(/\\/g, '/');
  if (!GLOB_CHARS.test(pattern)) {
    const dir = (isAbsolute(pattern) ? slashed : `${root.replace(/\\/g, '/')}/${slashed.replace(/^\.\//, '')}`).replace(/\/+$/, '');
    return [dir, `${dir}/**`];
  }
  if (slashed.startsWith('**') || isAbsolute(pattern)) return [slashed];
  return [`${root.replace(/\\/g, '/')}/${slashed.replace(/^\.\//, '')}`];
}
