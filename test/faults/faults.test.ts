import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainNode, readTrace, tempProject, viztracer } from '../cli/helpers.js';
import { callTree } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

/** Single-process fault cases of notes/reliability.md §3, through the real CLI. */

function project(files: Record<string, string>): string {
  const dir = tempProject();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Counts `"ph":"X"` in a file too large to parse, reading it in chunks. */
function countCompleteEvents(file: string): number {
  const needle = Buffer.from('"ph":"X"');
  const buf = Buffer.alloc(1 << 22);
  const fd = openSync(file, 'r');
  let count = 0;
  let carry = Buffer.alloc(0);
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const chunk = Buffer.concat([carry, buf.subarray(0, n)]);
    for (let i = chunk.indexOf(needle); i !== -1; i = chunk.indexOf(needle, i + 1)) count++;
    carry = Buffer.from(chunk.subarray(chunk.length - needle.length + 1));
  }
  closeSync(fd);
  return count;
}

describe('fault cases', () => {
  it('stack overflow: same error and output, later calls traced, trace well nested', async () => {
    const dir = project({
      'deep.js': `function down(n) { return down(n + 1) + 1; }
function after(x) { return x * 2; }
try { down(0); } catch (e) { console.log('caught', e.constructor.name); }
console.log('after', after(21));
`,
    });
    const plain = plainNode(['deep.js'], dir);
    const traced = viztracer(['-o', 'out.json', 'deep.js'], dir);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.stdout).toBe('caught RangeError\nafter 42\n');
    expect(traced.status).toBe(0);
    const trace = readTrace(join(dir, 'out.json'));
    const v = await validateWithTraceEngine(trace.traceEvents);
    expect(v.inTree).toBe(v.expected);
    // The depth healed: `after` is a root call, not nested under a dead `down` frame.
    expect(callTree(trace.traceEvents)).toMatch(/^ {2}after \(deep\.js:2\) x1$/m);
  });

  it('ring buffer wrap: --tracer-entries 10 keeps exactly the newest 10 calls', () => {
    const program = `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function last(x) { return x; }
console.log(last(fib(10)));
`;
    const dir = project({ 'fib.js': program });
    const full = viztracer(['-o', 'full.json', 'fib.js'], dir);
    const small = viztracer(['--tracer-entries', '10', '-o', 'small.json', 'fib.js'], dir);
    expect(small.stdout).toBe(full.stdout);
    const all = readTrace(join(dir, 'full.json')).traceEvents.filter((e) => e.ph === 'X');
    const kept = readTrace(join(dir, 'small.json'));
    const events = kept.traceEvents.filter((e) => e.ph === 'X');
    expect(events).toHaveLength(10);
    // Buffer order is completion order: the kept ones are the last 10 to complete.
    const byEnd = (es: typeof all) => es.map((e) => `${e.name}`).slice(-10);
    expect(events.map((e) => e.name)).toEqual(byEnd(all));
    expect(events[events.length - 1]!.name).toBe('last (fib.js:2)');
    expect(kept.viztracer_metadata.overflow).toBe(true);
    expect(kept.viztracer_metadata.dropped).toBe(all.length - 10);
    expect(small.stderr).toMatch(/dropped/i);
  });

  it('process.exit(n) deep in calls keeps n and saves the open frames marked unfinished', () => {
    const dir = project({ 'exit.js': 'function inner() { process.exit(7); }\nfunction outer() { inner(); }\nouter();\n' });
    const r = viztracer(['-o', 'out.json', 'exit.js'], dir);
    expect(r.status).toBe(7);
    const events = readTrace(join(dir, 'out.json')).traceEvents.filter((e) => e.ph === 'X');
    events.sort((a, b) => a.ts - b.ts);
    expect(events.map((e) => [e.name, (e as { args?: { unfinished?: boolean } }).args?.unfinished])).toEqual([
      ['outer (exit.js:2)', true],
      ['inner (exit.js:1)', true],
    ]);
  });

  it('an unhandled rejection exits 1 with the same message as without us', () => {
    const dir = project({ 'reject.mjs': 'async function fail() { throw new TypeError("nope"); }\nawait fail();\n' });
    const plain = plainNode(['reject.mjs'], dir);
    const traced = viztracer(['-o', 'out.json', 'reject.mjs'], dir);
    expect(traced.status).toBe(plain.status);
    expect(traced.status).toBe(1);
    expect(traced.stderr).toContain('TypeError: nope');
    expect(readTrace(join(dir, 'out.json')).traceEvents.some((e) => e.name === 'fail (reject.mjs:1)')).toBe(true);
  });

  it('a file the parser rejects but V8 accepts runs uninstrumented with one warning naming file:line:col', () => {
    const dir = project({ 'annexb.js': 'function f() { return 1; }\nif (false) f() = 1;\nconsole.log(f());\n' });
    const plain = plainNode(['annexb.js'], dir);
    const traced = viztracer(['-o', 'out.json', 'annexb.js'], dir);
    expect(traced.stdout).toBe(plain.stdout);
    const warnings = traced.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/annexb\.js:2:\d+/);
  });

  it('an ES module cycle calling hoisted functions before their module ran works as without us', () => {
    const dir = project({
      'a.mjs': `import { fromB } from './b.mjs';
export function early(x) { return x * 2; }
export function* gen() { yield 1; yield 2; }
export async function later() { await null; return 'later'; }
console.log('a body', fromB, early(2));
`,
      'b.mjs': `import { early, gen, later } from './a.mjs';
export const fromB = early(21) + [...gen()].length;
later().then((v) => console.log('b', v));
`,
    });
    const plain = plainNode(['a.mjs'], dir);
    const traced = viztracer(['-o', 'out.json', 'a.mjs'], dir);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.stdout).toBe('a body 44 4\nb later\n');
    expect(traced.status).toBe(0);
    // Called once the body ran, `early` is recorded; the generator and async function registered
    // their module themselves and are recorded even from the cycle.
    const names = readTrace(join(dir, 'out.json')).traceEvents.filter((e) => e.ph === 'X').map((e) => e.name);
    expect(names).toContain('early (a.mjs:2)');
    expect(names).toContain('gen (a.mjs:3)');
    expect(names).toContain('later (a.mjs:4)');
  });

  it('saves 10^7 events with a 256 MB heap', () => {
    const dir = project({
      'many.js': 'function leaf(i) { return i & 1; }\nlet s = 0;\nfor (let i = 0; i < 1e7; i++) s += leaf(i);\nconsole.log(s);\n',
    });
    const r = viztracer(['--tracer-entries', '10000000', '-o', 'big.json', '--', 'node', '--max-old-space-size=256', 'many.js'], dir);
    expect(r.stderr).not.toMatch(/heap out of memory/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('5000000\n');
    expect(statSync(join(dir, 'big.json')).size).toBeGreaterThan(1e9);
    expect(countCompleteEvents(join(dir, 'big.json'))).toBe(1e7);
  }, 300_000);
});
