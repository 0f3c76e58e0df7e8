/** Options of installNodeRuntime, validated once here (unknown keys are rejected). */
import path from 'node:path';
import { parseDuration } from './parse-duration.js';
import { VizTracerError } from './viztracer-error.js';

export interface NodeRuntimeOptions {
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
}

export interface ResolvedNodeRuntimeOptions {
  output: string;
  root: string;
  tracerEntries: number | undefined;
  maxStackDepth: number | undefined;
  minDuration: bigint;
  quiet: boolean;
  processName: string;
}

const KEYS = new Set(['output', 'root', 'tracerEntries', 'maxStackDepth', 'minDuration', 'quiet', 'processName']);

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
  if (typeof quiet !== 'boolean') throw new VizTracerError('INVALID_OPTION', `"quiet" must be a boolean, got ${String(quiet)}`);
  const script = process.argv[1];
  return {
    output,
    root,
    tracerEntries: options.tracerEntries,
    maxStackDepth: options.maxStackDepth,
    minDuration: typeof minDuration === 'bigint' ? minDuration : parseDuration(minDuration),
    quiet,
    processName: options.processName ?? (script ? `node ${path.basename(script)}` : 'node'),
  };
}
