/**
 * The contract between the `viztracer` CLI and the traced child process: the CLI puts this
 * object, as JSON, in the VIZTRACER_CONFIG environment variable; the `--import` preload
 * (cli/loader/register.ts) reads it in the main thread and in every worker.
 */

import type { LogRewriteOptions } from '../instrument/index.js';

export const CONFIG_ENV = 'VIZTRACER_CONFIG';

export interface ChildConfig {
  /** Bumped when the shape changes. */
  version: 2;
  /** Absolute path of the trace to write (.json or .json.gz). */
  outputFile: string;
  /** Project root (the user's cwd): trace paths are relative to it. */
  root: string;
  /** Ring buffer capacity in events. */
  tracerEntries: number;
  /** -1 = unlimited. */
  maxStackDepth: number;
  /** Minimum call duration in nanoseconds, as a decimal string (JSON has no bigint). */
  minDurationNs: string;
  /** Absolute path prefixes: only files under one of them are instrumented; null = all. */
  includeFiles: string[] | null;
  /** Absolute path prefixes: files under them are not instrumented; null = none. */
  excludeFiles: string[] | null;
  /** Print nothing but errors. */
  quiet: boolean;
  /** Compile-time logs, handed to instrumentCode as `logs` (instrument/types.ts LogRewriteOptions). */
  logs: LogRewriteOptions;
  /** --log-print: console calls become instant events; with hidePrint they are not also written. */
  logPrint: boolean;
  hidePrint: boolean;
  /** --log-gc: garbage collections as events. */
  logGc: boolean;
  /** --log-sparse: only logSparse-marked functions and custom events are recorded. */
  logSparse: boolean;
  /** Longest text kept for a logged value. */
  reprLimit: number;
}

/** Read and check the config; null when the variable is absent or unusable. */
export function parseChildConfig(text: string | undefined): ChildConfig | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text) as Partial<ChildConfig>;
    if (c.version !== 2 || typeof c.outputFile !== 'string' || typeof c.root !== 'string') return null;
    return c as ChildConfig;
  } catch {
    return null;
  }
}
