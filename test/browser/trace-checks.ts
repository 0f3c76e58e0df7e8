/** What every browser trace must satisfy: threads, names with original TS lines, trace_engine. */
import { expect } from 'vitest';
import type { TraceEvent } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

export interface BrowserTrace {
  traceEvents: TraceEvent[];
  viztracer_metadata: { clock: string; producer: string };
  file_info: { files: Record<string, [string, number]>; functions: Record<string, [string, number]> };
}

/** Event names of thread `name`. */
export function namesOn(trace: BrowserTrace, threadName: string): Set<string> {
  const meta = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.['name'] === threadName);
  expect(meta, `thread "${threadName}"`).toBeDefined();
  return new Set(trace.traceEvents.filter((e) => e.ph === 'X' && e.tid === meta!.tid).map((e) => e.name!));
}

/** The fixture app's functions, each on its thread, as `name (src/file.ts:line)`. */
export function expectFixtureApp(trace: BrowserTrace): void {
  expect(trace.viztracer_metadata.clock).toBe('performance');
  const main = namesOn(trace, 'MainThread');
  for (const name of [
    'main (src/main.ts:19)', 'startWorker (src/main.ts:11)', 'fib (src/math.ts:1)', 'Stats.add (src/math.ts:8)',
    'Stats.mean (src/math.ts:12)', 'loadSettings (src/async-work.ts:5)', 'parseLimit (src/async-work.ts:11)',
    'delay (src/async-work.ts:1)', 'render (src/render.ts:8)', 'format (src/render.ts:6)',
  ]) expect(main, name).toContain(name);
  // The worker was created with { name: 'primes' }: its own track, under that name.
  const worker = namesOn(trace, 'primes');
  expect(worker).toContain('countPrimes (src/primes.ts:7)');
  expect(worker).toContain('isPrime (src/primes.ts:1)');
  expect(main).not.toContain('isPrime (src/primes.ts:1)');
}

export async function expectTraceEngineKeepsEverything(trace: BrowserTrace): Promise<void> {
  const v = await validateWithTraceEngine(trace.traceEvents);
  expect(v.expected).toBeGreaterThan(1000);
  expect(v.inTree).toBe(v.expected);
  expect(v.threads.map((t) => t.name).sort()).toEqual(['MainThread', 'primes']);
}
