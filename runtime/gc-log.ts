/**
 * --log-gc (Node only): every garbage collection reported by perf_hooks becomes a slice
 * "gc (<kind>)" on a "GC" pseudo thread of the process (so it can never break the nesting of the
 * call slices on the main thread) and two samples of the counter "garbage collection"
 * ({collecting: 1} at the start, 0 at the end), as VizTracer's counter.
 */
import { PerformanceObserver, constants, performance, type PerformanceEntry } from 'node:perf_hooks';
import type { Recorder } from './recorder.js';

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

export interface GcLog {
  /** Records the collections not delivered yet (call before saving). */
  flush(): void;
  stop(): void;
}

export function installGcLog(recorder: Recorder): GcLog {
  // performance.now() ms -> the recorder's ns clock (both monotonic; sampled once).
  const offset = recorder.now() - BigInt(Math.round(performance.now() * 1e6));
  const toNs = (ms: number): bigint => BigInt(Math.round(ms * 1e6)) + offset;

  function record(entries: readonly PerformanceEntry[]): void {
    if (!recorder.isRecording) return;
    for (const entry of entries) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number; flags?: number } }).detail;
      const kind = KINDS[detail?.kind ?? -1] ?? 'unknown';
      const start = toNs(entry.startTime);
      const end = start + BigInt(Math.max(1, Math.round(entry.duration * 1e6)));
      const logs = recorder.logs;
      logs.span(start, end, { ph: 'X', name: `gc (${kind})`, cat: 'gc', args: gcArgs(kind, detail?.flags ?? 0), track: 'gc' });
      logs.span(start, start, { ph: 'C', name: 'garbage collection', args: counter(1) });
      logs.span(end, end, { ph: 'C', name: 'garbage collection', args: counter(0) });
    }
  }

  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    flush: () => record(observer.takeRecords()),
    stop: () => observer.disconnect(),
  };
}

function gcArgs(kind: string, flags: number): { kind: string; flags: number } {
  return { __proto__: null, kind, flags } as unknown as { kind: string; flags: number };
}

function counter(collecting: number): { collecting: number } {
  return { __proto__: null, collecting } as unknown as { collecting: number };
}
