import { isIncludedFile, type LogRewriteOptions } from '../instrument/index.js';
import { isAbsolute, resolve } from 'node:path';
import { LOG_OPTION_KEYS, logOptions } from './log-options.js';

/** What `{ "transform": "viztracer/transformer", ... }` in tsconfig `plugins` may hold besides ts-patch's keys. */
export interface TransformerOptions {
  /**
   * Project root: the trace names files relative to it (run the program from there, so the
   * runtime finds the sources for `file_info`). Relative to the tsconfig's directory.
   * @default the directory of the tsconfig
   */
  root?: string;
  /**
   * Instrument only files under these path prefixes (relative to `root`); `node_modules` only
   * when a prefix points into it. Same as the CLI's `--include-files`.
   * @default every emitted file outside node_modules
   */
  includeFiles?: string[];
  /**
   * Do not instrument files under these path prefixes (relative to `root`). Same as the CLI's
   * `--exclude-files`.
   * @default none
   */
  excludeFiles?: string[];
  /**
   * Log every assignment to a variable whose whole name matches one of these RegEx sources (the
   * CLI's `--log-var`).
   * @default none
   */
  logVar?: string[];
  /** As `logVar`, as counter events (`--log-number`). @default none */
  logNumber?: string[];
  /** Assignments to `obj.attr` whose attribute name matches (`--log-attr`). @default none */
  logAttr?: string[];
  /** Inside functions whose name matches, every assignment goes to the call's args (`--log-func-exec`). @default none */
  logFuncExec?: string[];
  /** An instant event when a function whose name matches is entered (`--log-func-entry`). @default none */
  logFuncEntry?: string[];
  /** Every `throw` records its value (`--log-exception`). @default false */
  logException?: boolean;
  /** Arguments of every call, or of functions whose name matches this RegEx (`--log-func-args`). @default false */
  logFuncArgs?: boolean | string;
  /** Return value of every call, or of functions whose name matches (`--log-func-retval`). @default false */
  logFuncRetval?: boolean | string;
}

export interface ResolvedOptions {
  root: string;
  includeFiles: string[] | null;
  excludeFiles: string[] | null;
  logs: LogRewriteOptions;
}

/** Keys ts-patch reads itself (it passes some of them on to the plugin). */
const TS_PATCH_KEYS = new Set(['transform', 'type', 'import', 'isEsm', 'tsConfig', 'resolvePathAliases', 'name', 'transformProgram']);
const OWN_KEYS = new Set(['root', 'includeFiles', 'excludeFiles', ...LOG_OPTION_KEYS]);

/** One line, naming the key and the value: tsc prints it as the build's error. */
function fail(message: string): never {
  throw new Error(`viztracer/transformer: ${message}`);
}

export function resolveOptions(config: Record<string, unknown> | undefined, baseDir: string): ResolvedOptions {
  const c = config ?? {};
  for (const key of Object.keys(c)) {
    if (key === 'after' || key === 'afterDeclarations') {
      if (c[key]) fail(`"${key}": true is not supported: the transformer must run before TypeScript's own transforms (remove "${key}")`);
    } else if (!OWN_KEYS.has(key) && !TS_PATCH_KEYS.has(key)) {
      fail(`unknown option "${key}" (known: ${[...OWN_KEYS].join(', ')})`);
    }
  }
  if (c.type !== undefined && c.type !== 'program') fail(`"type": ${JSON.stringify(c.type)} is not supported (leave "type" out)`);
  if (c.root !== undefined && typeof c.root !== 'string') fail(`"root" must be a path, got ${JSON.stringify(c.root)}`);
  const root = resolve(baseDir, (c.root as string | undefined) ?? '.');
  const paths = (key: 'includeFiles' | 'excludeFiles'): string[] | null => {
    const v = c[key];
    if (v === undefined) return null;
    if (!Array.isArray(v) || !v.every((p) => typeof p === 'string')) fail(`"${key}" must be an array of paths, got ${JSON.stringify(v)}`);
    return (v as string[]).map((p) => (isAbsolute(p) ? p : resolve(root, p)));
  };
  const includeFiles = paths('includeFiles');
  const excludeFiles = paths('excludeFiles');
  if (includeFiles && excludeFiles) fail('"includeFiles" and "excludeFiles" cannot be given together');
  return { root, includeFiles, excludeFiles, logs: logOptions(c, fail) };
}

/** The CLI's rule (instrument/file-filter.ts): path prefixes, node_modules only when asked for. */
export function shouldInstrument(file: string, options: ResolvedOptions): boolean {
  return isIncludedFile(file, options);
}
