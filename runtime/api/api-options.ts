/**
 * Options of `new VizTracer(options)`: the CLI's option names in camelCase, validated through the
 * one option schema (options-schema.ts), unknown keys rejected. Options applied when the code is
 * built (--log-var, --include-files, ...) cannot take effect from the API and say so.
 */
import { coerce, findOption, parseDuration } from '../options-schema.js';
import { VizTracerError } from '../viztracer-error.js';

export interface VizTracerOptions {
  /** Trace file (.json or .json.gz; in a browser the name of the download). @default 'result.json' */
  outputFile?: string;
  /** Directory of the output file. @default the current directory */
  outputDir?: string;
  /** Ring-buffer capacity in events (newest kept). Ignored when attaching to a running runtime. @default 1_000_000 */
  tracerEntries?: number;
  /** Calls deeper than N are not recorded (-1: unlimited). Ignored when attaching. @default -1 */
  maxStackDepth?: number;
  /** Calls shorter than this are not recorded ("10us", "0.2ms"). Ignored when attaching. @default '0' */
  minDuration?: string;
  /** console.log/info/warn/error/debug calls become instant events. @default false */
  logPrint?: boolean;
  /** With logPrint: do not also write the console output. @default false */
  hidePrint?: boolean;
  /** Garbage collections as events (Node only). @default false */
  logGc?: boolean;
  /** Record only logSparse() functions and custom events. @default false */
  logSparse?: boolean;
  /** Longest text kept for a logged value. @default 256 */
  reprLimit?: number;
  /** No "saved" line on stderr. @default false */
  quiet?: boolean;
  /** Name of the process in the trace. @default 'node <script name>' */
  processName?: string;
}

export interface ResolvedApiOptions {
  /** outputDir joined with outputFile ('/' separated; the platform resolves it). */
  outputFile: string;
  /** The user named the output (else a runtime installed by the CLI keeps its own). */
  outputGiven: boolean;
  tracerEntries: number | undefined;
  maxStackDepth: number | undefined;
  minDurationNs: bigint;
  minDurationText: string;
  logPrint: boolean;
  hidePrint: boolean;
  logGc: boolean;
  logSparse: boolean;
  reprLimit: number;
  quiet: boolean;
  processName: string | undefined;
}

const BUILD_TIME = new Set(['include-files', 'exclude-files', 'log-var', 'log-number', 'log-attr', 'log-func-exec',
  'log-func-entry', 'log-exception', 'log-func-args', 'log-func-retval']);
const NOT_IN_API = new Set(['open', 'unique-output-file']);

export function resolveApiOptions(options: VizTracerOptions | undefined): ResolvedApiOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new VizTracerError('INVALID_OPTION', `new VizTracer(options): options must be an object, got ${String(options)}`);
  }
  const values: Record<string, unknown> = {};
  let processName: string | undefined;
  for (const [key, raw] of Object.entries(options ?? {})) {
    if (raw === undefined) continue;
    if (key === 'processName') {
      if (typeof raw !== 'string' || raw === '') throw new VizTracerError('INVALID_OPTION', `option "processName" expects a non-empty string, got ${String(raw)}`);
      processName = raw;
      continue;
    }
    const spec = findOption(key);
    if (spec === undefined || key.length === 1) throw new VizTracerError('UNKNOWN_OPTION', `unknown VizTracer option "${key}"`);
    if (BUILD_TIME.has(spec.name)) {
      throw new VizTracerError('INVALID_OPTION', `option "${key}" is applied when the code is built: give --${spec.name} to the viztracer CLI, the bundler plugin or the tsc transformer`);
    }
    if (spec.scope === 'cli' || NOT_IN_API.has(spec.name)) {
      throw new VizTracerError('INVALID_OPTION', `option "${key}" exists only on the command line`);
    }
    const result = coerce(spec, raw);
    if ('error' in result) throw new VizTracerError('INVALID_OPTION', `option "${key}" ${result.error}`);
    values[spec.name] = result.value;
  }
  const file = (values['output-file'] as string | undefined) ?? 'result.json';
  const dir = values['output-dir'] as string | undefined;
  const depth = values['max-stack-depth'] as number | undefined;
  const minDurationText = (values['min-duration'] as string | undefined) ?? '0';
  return {
    outputFile: dir === undefined ? file : `${dir.replace(/[\\/]+$/, '')}/${file}`,
    outputGiven: values['output-file'] !== undefined || dir !== undefined,
    tracerEntries: values['tracer-entries'] as number | undefined,
    maxStackDepth: depth === undefined || depth < 0 ? undefined : depth,
    minDurationNs: parseDuration(minDurationText) ?? 0n,
    minDurationText,
    logPrint: values['log-print'] === true,
    hidePrint: values['hide-print'] === true,
    logGc: values['log-gc'] === true,
    logSparse: values['log-sparse'] === true,
    reprLimit: (values['repr-limit'] as number | undefined) ?? 256,
    quiet: values['quiet'] === true,
    processName,
  };
}
