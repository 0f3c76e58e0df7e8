// @ts-expect-error: the helper ships without types (a one-line DOMRect polyfill for Node)
import { polyfillDOMRect } from '@paulirish/trace_engine/analyze-trace.mjs';
import * as Trace from '@paulirish/trace_engine';
import type { TraceEvent } from './trace-tree.js';

(polyfillDOMRect as () => void)();

export interface Validation {
  /** X/B/I events we wrote. */
  expected: number;
  /** Of those, how many DevTools' trace model put into a thread tree. */
  inTree: number;
  threads: { pid: number; tid: number; name: string | null; entries: number }[];
}

/**
 * Reads a trace with @paulirish/trace_engine (Chrome DevTools' own trace model). It reports no
 * format errors: it silently drops what it cannot place, so the check is that every slice we
 * emitted survived into a thread tree (notes/peers-and-viewers.md §3).
 */
export async function validateWithTraceEngine(events: readonly TraceEvent[]): Promise<Validation> {
  const model = Trace.TraceModel.Model.createWithAllHandlers();
  await model.parse(events as never);
  const data = model.parsedTrace()!.data;
  const threads: Validation['threads'] = [];
  let inTree = 0;
  for (const [pid, proc] of data.Renderer.processes) {
    for (const [tid, th] of proc.threads) {
      const n = th.entries.filter((e) => data.Renderer.entryToNode.has(e)).length;
      inTree += n;
      threads.push({ pid: Number(pid), tid: Number(tid), name: th.name ?? null, entries: n });
    }
  }
  const expected = events.filter((e) => e.ph === 'X' || e.ph === 'B' || e.ph === 'I').length;
  return { expected, inTree, threads };
}
