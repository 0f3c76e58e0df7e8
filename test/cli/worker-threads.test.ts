/**
 * Node worker threads under `viztracer`: each worker that ends by itself (its work done, or
 * process.exit) hands its recording to the main thread's save, and the trace has one thread per
 * worker (tid = its threadId; named `Worker <threadId>`, or through the API) with the worker's
 * calls, nested as made, and its sources.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { callTree } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { REPO, readTrace, tempProject, viztracer } from './helpers.js';

test('workers that end by themselves are threads of the trace, with their calls and sources', async () => {
  const dir = tempProject('worker-threads');
  // The exit worker names its thread through the API (`import { getTracer } from 'viztracer'`).
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'viztracer'), 'dir');
  const run = viztracer(['-o', 'out.json', 'main.ts'], dir);
  expect(run.stderr).toMatch(/viztracer: saved \d+ events to /);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('fib worker: 55\nexit worker: 49\n');
  const trace = readTrace(join(dir, 'out.json'));
  const threads = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name')
    .map((e) => [e.tid, (e as unknown as { args: { name: string } }).args.name] as const);
  expect(threads).toHaveLength(3);
  const [main, fibThread, exitThread] = threads;
  expect(main![1]).toBe('MainThread');
  expect(fibThread![1]).toBe(`Worker ${fibThread![0]}`);
  expect(exitThread![0]).toBeGreaterThan(fibThread![0]);
  expect(exitThread![1]).toBe('squares');
  const callsOn = (tid: number): string => callTree(trace.traceEvents.filter((e) => e.tid === tid));
  expect(callsOn(fibThread![0])).toBe([
    'thread 0',
    '  fib (fib-worker.ts:3) x1',
    '    fib (fib-worker.ts:3) x2',
    '      fib (fib-worker.ts:3) x4',
    '        fib (fib-worker.ts:3) x8',
    '          fib (fib-worker.ts:3) x16',
    '            fib (fib-worker.ts:3) x32',
    '              fib (fib-worker.ts:3) x52',
    '                fib (fib-worker.ts:3) x44',
    '                  fib (fib-worker.ts:3) x16',
    '                    fib (fib-worker.ts:3) x2',
    '',
  ].join('\n'));
  expect(callsOn(exitThread![0])).toBe(['thread 0', '  square (exit-worker.ts:6) x1', ''].join('\n'));
  const files = Object.keys((trace.file_info as { files: Record<string, unknown> }).files).sort();
  expect(files).toEqual(['exit-worker.ts', 'fib-worker.ts', 'main.ts']);
  expect(existsSync(join(dir, 'out.json.threads'))).toBe(false);
  const v = await validateWithTraceEngine(trace.traceEvents as never);
  expect(v.inTree).toBe(v.expected);
});
