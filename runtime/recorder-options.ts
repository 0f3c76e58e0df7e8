/**
 * Options of the recording core, validated once at the boundary (createRecorder).
 * Zero imports except the error class, so the core runs in browsers and workers.
 */
import { VizTracerError } from './viztracer-error.js';

/** A monotonic clock in integer nanoseconds. */
export type NsClock = () => bigint;

export interface RecorderOptions {
  /** Monotonic clock (Node: a cached `process.hrtime.bigint`). */
  clock: NsClock;
  /** Wall clock in ns since the Unix epoch, sampled once at start. @default Date.now() * 1e6 */
  wallClock?: NsClock;
  /** Ring-buffer capacity: completed calls kept (the newest win). @default 1_000_000 */
  tracerEntries?: number;
  /** Calls at stack depth >= N (0-based per thread) are not recorded. @default unlimited */
  maxStackDepth?: number;
  /** Calls shorter than this (ns) are not recorded. @default 0n (record all) */
  minDuration?: bigint;
  /** Shadow-stack capacity; deeper calls are not recorded. @default 1 << 17 */
  stackCapacity?: number;
  /** Longest text kept for a logged value (safe-repr.ts). @default 256 */
  reprLimit?: number;
  /** A trap-free proxy test for reprs (Node: util.types.isProxy). @default none */
  isProxy?: (value: object) => boolean;
  /** Where one-off warnings go (a non-number at a --log-number site). @default console.warn, captured */
  warn?: (message: string) => void;
  /** --log-sparse: probes stay dormant while recording; only custom events and logSparse calls are recorded. @default false */
  logSparse?: boolean;
}

export interface ResolvedRecorderOptions {
  clock: NsClock;
  wallClock: NsClock;
  tracerEntries: number;
  maxStackDepth: number;
  minDuration: bigint;
  stackCapacity: number;
  reprLimit: number;
  isProxy: ((value: object) => boolean) | undefined;
  warn: (message: string) => void;
  logSparse: boolean;
}

export const DEFAULT_TRACER_ENTRIES = 1_000_000;
export const DEFAULT_STACK_CAPACITY = 1 << 17;

const KEYS = new Set(['clock', 'wallClock', 'tracerEntries', 'maxStackDepth', 'minDuration', 'stackCapacity', 'reprLimit', 'isProxy', 'warn', 'logSparse']);
const consoleWarn = typeof console === 'object' ? console.warn.bind(console) : () => undefined;

export function resolveRecorderOptions(options: RecorderOptions): ResolvedRecorderOptions {
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new VizTracerError('UNKNOWN_OPTION', `unknown recorder option "${key}"`);
  }
  if (typeof options.clock !== 'function') {
    throw new VizTracerError('INVALID_OPTION', 'recorder option "clock" must be a function returning bigint ns');
  }
  const stackCapacity = positiveInt('stackCapacity', options.stackCapacity, DEFAULT_STACK_CAPACITY);
  const maxStackDepth = options.maxStackDepth === undefined
    ? stackCapacity
    : Math.min(positiveInt('maxStackDepth', options.maxStackDepth, stackCapacity, 0), stackCapacity);
  const minDuration = options.minDuration ?? 0n;
  if (typeof minDuration !== 'bigint' || minDuration < 0n) {
    throw new VizTracerError('INVALID_OPTION', `"minDuration" must be a bigint >= 0 (ns), got ${String(minDuration)}`);
  }
  if (options.logSparse !== undefined && typeof options.logSparse !== 'boolean') {
    throw new VizTracerError('INVALID_OPTION', `"logSparse" must be a boolean, got ${String(options.logSparse)}`);
  }
  if (options.isProxy !== undefined && typeof options.isProxy !== 'function') {
    throw new VizTracerError('INVALID_OPTION', 'recorder option "isProxy" must be a function');
  }
  return {
    clock: options.clock,
    wallClock: options.wallClock ?? (() => BigInt(Date.now()) * 1_000_000n),
    tracerEntries: positiveInt('tracerEntries', options.tracerEntries, DEFAULT_TRACER_ENTRIES),
    maxStackDepth,
    minDuration,
    stackCapacity,
    reprLimit: positiveInt('reprLimit', options.reprLimit, 256, 8),
    isProxy: options.isProxy,
    warn: options.warn ?? consoleWarn,
    logSparse: options.logSparse ?? false,
  };
}

function positiveInt(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2 ** 30) {
    throw new VizTracerError('INVALID_OPTION', `"${name}" must be an integer from ${min} to 2^30, got ${String(value)}`);
  }
  return value;
}
