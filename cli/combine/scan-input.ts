/**
 * First pass over one input of --combine: checks that it is a whole trace and gathers what the
 * merge must know before writing a single event (its pids, its first timestamp, its metadata and
 * file_info). Events are parsed one at a time and dropped; only the few `M` events are kept.
 */
import path from 'node:path';
import { invalidTrace } from './invalid-trace.js';
import { EVERY_MASK, type ProgressTick } from './progress.js';
import { readTraceStream } from './read-trace-stream.js';

export interface FileInfoValue {
  files: Record<string, unknown>;
  functions: Record<string, unknown>;
}

export interface InputSummary {
  /** As given on the command line (messages, `combined_from`). */
  name: string;
  /** Absolute path. */
  file: string;
  /** Distinct integer pids, in order of first use. */
  pids: number[];
  /** Smallest `ts` of a non-metadata event, in µs; undefined when no event has one. */
  firstTs: number | undefined;
  /** Events other than metadata (`M`): calls and logs, what the runtime's "saved N events" counts. */
  events: number;
  /** Metadata (`M`) events by their index in traceEvents: written first in the output. */
  metadataEvents: Map<number, Record<string, unknown>>;
  /** `viztracer_metadata`, {} when absent. */
  metadata: Record<string, unknown>;
  /** `baseTimeNanoseconds` as written: digits beyond 2^53 that a JSON.parse would round. */
  baseTime: string | undefined;
  fileInfo: FileInfoValue | undefined;
  /** Other top-level keys (displayTimeUnit, ...) as raw JSON. */
  others: Map<string, Buffer>;
}

export async function scanInput(name: string, cwd: string, tick?: ProgressTick): Promise<InputSummary> {
  const summary: InputSummary = {
    name, file: path.resolve(cwd, name), pids: [], firstTs: undefined, events: 0,
    metadataEvents: new Map(), metadata: {}, baseTime: undefined, fileInfo: undefined, others: new Map(),
  };
  const pids = new Set<number>();
  const others = await readTraceStream(summary.file, (raw, index) => {
    if ((index & EVERY_MASK) === 0) tick?.('reading', name, index);
    const event = parseJson(raw);
    if (!isObject(event) || typeof event['ph'] !== 'string') {
      throw invalidTrace(`it is not a trace (traceEvents[${index}] is not an event)`);
    }
    const { ph, pid, ts } = event;
    if (typeof pid === 'number' && Number.isInteger(pid)) pids.add(pid);
    if (ph === 'M') {
      summary.metadataEvents.set(index, event);
      return;
    }
    summary.events++;
    if (typeof ts === 'number' && (summary.firstTs === undefined || ts < summary.firstTs)) summary.firstTs = ts;
  });
  summary.pids = [...pids];
  const meta = others.get('viztracer_metadata');
  others.delete('viztracer_metadata');
  if (meta) {
    const value = parseJson(meta);
    if (isObject(value)) summary.metadata = value;
    const parsedBase = summary.metadata['baseTimeNanoseconds'];
    summary.baseTime = /"baseTimeNanoseconds"\s*:\s*(-?\d+)\s*[,}]/.exec(meta.toString('latin1'))?.[1]
      ?? (typeof parsedBase === 'number' ? JSON.stringify(parsedBase) : undefined);
  }
  const info = others.get('file_info');
  others.delete('file_info');
  if (info) {
    const value = parseJson(info);
    // Lenient on data: a file_info of another shape is left out rather than failing the input.
    if (isObject(value) && isObject(value['files']) && isObject(value['functions'])) {
      summary.fileInfo = { files: value['files'], functions: value['functions'] };
    }
  }
  // Copied raw into the output, so each must be valid JSON (the byte scanner only balances brackets).
  for (const raw of others.values()) parseJson(raw);
  summary.others = others;
  return summary;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw invalidTrace(`it is not JSON (${(e as Error).message})`);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
