/**
 * Runtime logs in real processes: --log-print (output kept, or hidden), --log-gc (with
 * --expose-gc and gc()), --log-sparse (only logSparse functions), ignoreFunction, traceAndSave;
 * through the API and through the CLI (ChildConfig -> installNodeRuntime).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiProject, node, readChecked, shapes, viztracer, type Trace } from './helpers.js';

const prints = (t: Trace): string[] => t.traceEvents.filter((e) => e.ph === 'I').map((e) => e.name);

describe('--log-print', () => {
  it('records each console call as "print - <text>" and still writes the output', async () => {
    const dir = apiProject();
    const r = node(['--expose-gc', 'print-gc.mjs'], dir);
    expect(r.stdout).toBe('hello world\ncaught boom after 1 call\n');
    expect(r.stderr).toBe('to stderr { a: 1 }\n');
    const trace = await readChecked(join(dir, 'print.json'));
    expect(prints(trace)).toEqual([
      'print - hello world',
      'print - to stderr { a: 1 }',
      'print - %d {[Symbol(Symbol.toPrimitive)]: [Function [Symbol.toPrimitive]]}',
      'print - caught boom after 1 call',
    ]);
  });

  it('with hidePrint records the calls but writes nothing', async () => {
    const dir = apiProject();
    const r = node(['--expose-gc', 'print-gc.mjs', 'hide'], dir);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(prints(await readChecked(join(dir, 'print.json')))).toHaveLength(4);
  });

  it('from the CLI: --log-print --hide-print', async () => {
    const dir = apiProject();
    const r = viztracer(['--log-print', '--hide-print', '--quiet', '-o', 'cli.json', 'ignore.mjs'], dir);
    expect(r.stdout).toBe('');
    const trace = await readChecked(join(dir, 'cli.json'));
    expect(prints(trace)).toEqual(['print - done']);
  });
});

describe('--log-gc', () => {
  it('records every collection as a slice on the GC track and a "garbage collection" counter', async () => {
    const dir = apiProject();
    node(['--expose-gc', 'print-gc.mjs'], dir);
    const trace = await readChecked(join(dir, 'print.json'));
    const gcTrack = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.['name'] === 'GC');
    expect(gcTrack).toBeDefined();
    const slices = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'gc');
    expect(slices.length).toBeGreaterThanOrEqual(2); // two gc() calls, each a major collection
    expect(slices.filter((e) => e.name === 'gc (major)').length).toBeGreaterThanOrEqual(2);
    for (const s of slices) {
      expect(s.tid).toBe(gcTrack!.tid);
      expect(s.args).toEqual({ kind: s.name.slice(4, -1), flags: expect.any(Number) });
    }
    const counters = trace.traceEvents.filter((e) => e.ph === 'C' && e.name === 'garbage collection');
    expect(counters.map((e) => e.args?.['collecting'])).toEqual(slices.flatMap(() => [1, 0]));
  });

  it('from the CLI: --log-gc', async () => {
    const dir = apiProject();
    viztracer(['--log-gc', '--quiet', '-o', 'cli.json', '--', 'node', '--expose-gc', '-e', 'gc(); gc()'], dir);
    const trace = await readChecked(join(dir, 'cli.json'));
    expect(trace.traceEvents.filter((e) => e.name === 'gc (major)').length).toBeGreaterThanOrEqual(2);
  });
});

describe('--log-sparse', () => {
  it('records only logSparse functions (and stackDepth levels below one) and custom events', async () => {
    const dir = apiProject();
    const r = viztracer(['--log-sparse', '--quiet', '-o', 'sparse.json', 'sparse.mjs'], dir);
    expect(r.stdout).toBe('done\n');
    const trace = await readChecked(join(dir, 'sparse.json'));
    // Probe-recorded calls come first, then the log ring (custom events).
    expect(shapes(trace)).toEqual([
      { ph: 'X', cat: 'FEE', name: 'work (sparse.mjs:7)' },
      { ph: 'X', cat: 'FEE', name: 'marked' },
      { ph: 'X', cat: 'FEE', name: 'deep' },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'custom still recorded' },
    ]);
  });

  it('without --log-sparse the logSparse functions are recorded by their probes like any other', async () => {
    const dir = apiProject();
    viztracer(['--quiet', '-o', 'full.json', 'sparse.mjs'], dir);
    const names = (await readChecked(join(dir, 'full.json'))).traceEvents.filter((e) => e.ph === 'X').map((e) => e.name);
    expect(names.filter((n) => n.startsWith('marked')).length).toBe(1);
    expect(names.filter((n) => n.startsWith('helper')).length).toBe(7);
  });
});

describe('ignoreFunction and traceAndSave', () => {
  it('ignoreFunction: nothing inside the marked function is recorded', async () => {
    const dir = apiProject();
    viztracer(['--quiet', '-o', 'ignore.json', 'ignore.mjs'], dir);
    const names = (await readChecked(join(dir, 'ignore.json'))).traceEvents.filter((e) => e.ph === 'X').map((e) => e.name).sort();
    expect(names).toEqual(['inner (ignore.mjs:4)', 'inner (ignore.mjs:4)', 'noisy (ignore.mjs:7)']);
  });

  it('traceAndSave: each call goes to its own result_<name>_<time>.json', async () => {
    const dir = apiProject();
    const r = node(['trace-and-save.mjs'], dir);
    expect(r.stdout).toBe('4 6\n');
    const files = readdirSync(join(dir, 'traces'));
    expect(files).toHaveLength(2);
    for (const f of files) {
      expect(f).toMatch(/^result_double_\d+\.json$/);
      await readChecked(join(dir, 'traces', f));
    }
  });
});
