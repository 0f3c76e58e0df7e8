/** Options of installNodeRuntime, validated once here (unknown keys are rejected). */
import path from 'node:path';
import { parseDuration } from './parse-duration.js';
import type { RuntimeLogOptions } from './runtime-log-options.js';
import { VizTracerError } from './viztracer-error.js';

export interface NodeRuntimeOptions extends RuntimeLogOptions {
  /** Absolute path of the trace file; `.json.gz` compresses. */
  output: string;
  /** Absolute project root: event paths are relative to it. @default process.cwd() */
  root?: string;
  /** Ring-buffer capacity in calls (newest kept). @default 1_000_000 */
  tracerEntries?: number;
  /** Calls at stack depth >= N (0-based) are not recorded. @default unlimited */
  maxStackDepth?: number;
  /** Calls shorter than this are not recorded: ns as bigint, or a duration string ("0.2ms"). @default 0n */
  minDuration?: bigint | string;
  /** No "saved" line on stderr. @default false */
  quiet?: boolean;
  /** Name of the process in the trace. @default 'node <script name>' */
  processName?: string;
  /** Save at exit and on SIGINT/SIGTERM (the API saves when asked). @default true */
  saveOnExit?: boolean;
  /**
   * Absolute directory: the trace goes to `<partsDir>/<pid>.json` instead of `output`, for runs of
   * many processes combined later (Vitest's test workers: unplugin/vitest-parts.ts). @default none
   */
  partsDir?: string;
}

export interface ResolvedNodeRuntimeOptions {
  output: string;
  partsDir: string | undefined;
  root: string;
  tracerEntries: number | undefined;
  maxStackDepth: number | undefined;
  minDuration: bigint;
  quiet: boolean;
  processName: string;
  logPrint: boolean;
  hidePrint: boolean;
  logGc: boolean;
  logSparse: boolean;
  reprLimit: number | undefined;
  autoStart: boolean;
  saveOnExit: boolean;
}

const FLAGS = ['quiet', 'logPrint', 'hidePrint', 'logGc', 'logSparse', 'autoStart', 'saveOnExit'] as const;
const KEYS = new Set(['output', 'partsDir', 'root', 'tracerEntries', 'maxStackDepth', 'minDuration', 'processName', 'reprLimit', ...FLAGS]);

export function resolveNodeRuntimeOptions(options: NodeRuntimeOptions): ResolvedNodeRuntimeOptions {
  if (typeof options !== 'object' || options === null) {
    throw new VizTracerError('INVALID_OPTION', 'installNodeRuntime expects an options object');
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new VizTracerError('UNKNOWN_OPTION', `unknown runtime option "${key}"`);
  }
  const { output, root = process.cwd(), quiet = false, minDuration = 0n } = options;
  if (typeof output !== 'string' || !path.isAbsolute(output)) {
    throw new VizTracerError('INVALID_OPTION', `"output" must be an absolute path, got ${JSON.stringify(output)}`);
  }
  if (typeof root !== 'string' || !path.isAbsolute(root)) {
    throw new VizTracerError('INVALID_OPTION', `"root" must be an absolute path, got ${JSON.stringify(root)}`);
  }
  const { partsDir } = options;
  if (partsDir !== undefined && (typeof partsDir !== 'string' || !path.isAbsolute(partsDir))) {
    throw new VizTracerError('INVALID_OPTION', `"partsDir" must be an absolute path, got ${JSON.stringify(partsDir)}`);
  }
  for (const flag of FLAGS) {
    const v = options[flag];
    if (v !== undefined && typeof v !== 'boolean') throw new VizTracerError('INVALID_OPTION', `"${flag}" must be a boolean, got ${String(v)}`);
  }
  const script = process.argv[1];
  return {
    output: partsDir === undefined ? output : path.join(partsDir, `${process.pid}.json`),
    partsDir,
    root,
    tracerEntries: options.tracerEntries,
    maxStackDepth: options.maxStackDepth,
    minDuration: typeof minDuration === 'bigint' ? minDuration : parseDuration(minDuration),
    quiet,
    processName: options.processName ?? (script ? `node ${path.basename(script)}` : 'node'),
    logPrint: options.logPrint ?? false,
    hidePrint: options.hidePrint ?? false,
    logGc: options.logGc ?? false,
    logSparse: options.logSparse ?? false,
    reprLimit: options.reprLimit,
    autoStart: options.autoStart ?? true,
    saveOnExit: options.saveOnExit ?? true,
  };
}
