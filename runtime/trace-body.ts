/**
 * The trace file's bytes (trace-format.ts) for one process with one or more threads, written into
 * a ByteWriter. No node: imports: Node writes it to a file (trace-writer.ts), a browser into a
 * Blob (browser-save.ts). Where sources come from is the caller's business (`fileInfo`).
 */
import type { ByteWriter } from './byte-writer.js';
import { writeCompleteEvents } from './complete-events-writer.js';
import { GC_TID, writeLogEvents } from './log-events-writer.js';
import { CUSTOM } from './recorder-log-ring.js';
import type { CustomEvent } from './custom-event.js';
import { createSafeRepr } from './safe-repr.js';
import { usText } from './us-text.js';
import type { FunctionInfo } from './function-registry.js';
import type { RecorderSnapshot } from './recorder-snapshot.js';
import { FORMAT_VERSION, PRODUCER, type MetadataEvent, type TraceMetadata } from './trace-format.js';
import { VERSION } from './version.js';

/** One thread's calls. */
export interface TraceThread {
  tid: number;
  /** `thread_name` metadata ("MainThread", "Worker 1", a worker's own name). */
  name: string;
  snapshot: RecorderSnapshot;
}

export interface TraceBodyOptions {
  pid: number;
  processName: string;
  /** The first one's wall-clock base is the file's `baseTimeNanoseconds`. */
  threads: readonly TraceThread[];
  clock: TraceMetadata['clock'];
  /**
   * Writes the `file_info` value for the function ids each thread's events used.
   * @default an empty file_info (sources not available, e.g. in a browser)
   */
  fileInfo?: (w: ByteWriter, used: readonly { functions: FunctionInfo; ids: readonly number[] }[]) => void;
}

export const EMPTY_FILE_INFO = '{"files":{},"functions":{}}';

const fallbackRepr = createSafeRepr();

/** Writes the whole file and ends the writer's sink; returns the number of events written (calls and logs). */
export function writeTraceBody(w: ByteWriter, options: TraceBodyOptions): number {
  const { pid, threads } = options;
  const names: MetadataEvent[] = [{ ph: 'M', name: 'process_name', pid, tid: pid, args: { name: options.processName } }];
  for (const t of threads) names.push({ ph: 'M', name: 'thread_name', pid, tid: t.tid, args: { name: t.snapshot.threadName ?? t.name } });
  if (threads.some((t) => hasGcEvents(t.snapshot))) names.push({ ph: 'M', name: 'thread_name', pid, tid: GC_TID, args: { name: 'GC' } });
  w.text(`{"traceEvents":[\n${names.map((e) => JSON.stringify(e)).join(',\n')}`);
  let count = 0;
  const used: { functions: FunctionInfo; ids: readonly number[] }[] = [];
  for (const t of threads) {
    const s = t.snapshot;
    const repr = s.repr ?? fallbackRepr;
    const events = writeCompleteEvents(w, s.segments, s.functions, pid, t.tid, { sites: s.logSites, repr });
    count += events.count;
    used.push({ functions: s.functions, ids: events.ids });
    if (s.logs) count += writeLogEvents(w, s.logs, s.logSites, repr, pid, t.tid);
  }
  w.text('\n],\n"viztracer_metadata":');
  w.text(metadataJson(threads.map((t) => t.snapshot), options.clock));
  w.text(',\n"file_info":');
  if (options.fileInfo) options.fileInfo(w, used);
  else w.text(EMPTY_FILE_INFO);
  w.text('}\n');
  w.end();
  return count;
}

function hasGcEvents(s: RecorderSnapshot): boolean {
  const logs = s.logs;
  if (!logs) return false;
  for (const seg of logs.segments) {
    for (let i = seg.from; i < seg.to; i++) {
      if (logs.kinds[i] !== CUSTOM) continue;
      const e = logs.values[i] as CustomEvent;
      if (e.ph === 'X' && e.track === 'gc') return true;
    }
  }
  return false;
}

function metadataJson(snapshots: readonly RecorderSnapshot[], clock: TraceMetadata['clock']): string {
  const sum = (f: (s: RecorderSnapshot) => number): number => snapshots.reduce((n, s) => n + f(s), 0);
  const dropped = sum((s) => s.dropped);
  const logDropped = sum((s) => s.logs?.dropped ?? 0);
  const marker = snapshots[0]?.syncMarker;
  const meta: Omit<TraceMetadata, 'baseTimeNanoseconds' | 'sync_marker'> = {
    version: VERSION,
    format_version: FORMAT_VERSION,
    producer: PRODUCER,
    overflow: dropped > 0 || logDropped > 0,
    dropped,
    ...(logDropped > 0 ? { log_dropped: logDropped } : {}),
    unfinished: sum((s) => s.unfinished),
    clock,
  };
  if (marker !== undefined) {
    // µs on the same time base as every event's ts (what --align-combine reads).
    return `${JSON.stringify(meta).slice(0, -1)},"sync_marker":${usText(marker)},"baseTimeNanoseconds":${snapshots[0]?.baseTimeNanoseconds ?? 0n}}`;
  }
  // A bigint beyond 2^53: written as JSON integer digits, as VizTracer does.
  return `${JSON.stringify(meta).slice(0, -1)},"baseTimeNanoseconds":${snapshots[0]?.baseTimeNanoseconds ?? 0n}}`;
}
