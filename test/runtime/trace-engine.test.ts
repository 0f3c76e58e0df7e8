/**
 * Independent validation: Chrome DevTools' own trace model (@paulirish/trace_engine) must keep
 * every slice we write. It reports no format errors and silently drops what it rejects (overlaps,
 * bad phases), so "all X events are in the thread's tree" is the check
 * (notes/peers-and-viewers.md §3).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Trace from '@paulirish/trace_engine';
// @ts-expect-error: the helper ships without types (a one-line DOMRect polyfill for Node)
import { polyfillDOMRect } from '@paulirish/trace_engine/analyze-trace.mjs';
import { createRecorder } from '../../runtime/recorder.js';
import type { ProbeHandle } from '../../runtime/probe-protocol.js';
import type { TraceFile } from '../../runtime/trace-format.js';
import { writeTrace } from '../../runtime/trace-writer.js';
import { fakeClock, tempDir } from './helpers.js';

function fib(h: ProbeHandle, n: number): number {
  const d = h.e(0);
  try {
    return n < 2 ? 1 : fib(h, n - 1) + fib(h, n - 2);
  } finally {
    h.x(d);
  }
}

async function countSlicesInTrees(events: unknown[]): Promise<{ inTree: number; threads: number }> {
  (polyfillDOMRect as () => void)();
  const model = Trace.TraceModel.Model.createWithAllHandlers();
  await model.parse(events as never);
  const data = model.parsedTrace()!.data;
  let inTree = 0;
  let threads = 0;
  for (const [, proc] of data.Renderer.processes) {
    for (const [, thread] of proc.threads) {
      threads++;
      inTree += thread.entries.filter((e) => data.Renderer.entryToNode.has(e)).length;
    }
  }
  return { inTree, threads };
}

describe('traces read by Chrome DevTools trace_engine', () => {
  it('keeps every slice: nested calls, generator slices, unfinished frames', async () => {
    const recorder = createRecorder({ clock: fakeClock(10_000_000n, 1_000n).clock });
    recorder.start();
    const h = recorder.register(['src/fib.ts'], ['fib', 0, 1, 1, 'gen', 0, 5, 1, 'main', 0, 9, 1]);
    h.e(2); // main: still open at save
    fib(h, 10);
    let g = h.e(1);
    h.s(0, g, (g = -1));
    fib(h, 3);
    h.a(0, (g = h.e(1)));
    h.x(g);
    h.e(0); // left open: unfinished
    const root = tempDir();
    const output = path.join(root, 'trace.json');
    const count = writeTrace(recorder.snapshot(), { output, root });
    const trace = JSON.parse(fs.readFileSync(output, 'utf8')) as TraceFile;
    const xs = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(xs.length).toBe(count);
    expect(count).toBe(177 + 2 + 5 + 2); // fib(10) + gen slices + fib(3) + main and fib unfinished
    const { inTree, threads } = await countSlicesInTrees(trace.traceEvents);
    expect(threads).toBe(1);
    expect(inTree).toBe(count);
  });
});
