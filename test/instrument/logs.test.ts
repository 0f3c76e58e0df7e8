import { transformSync } from 'esbuild';
import { parseSync } from 'oxc-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentCode, type LogRewriteOptions } from '../../instrument/index.js';
import { createCheckingRuntime } from '../support/checking-runtime.js';
import { runFixture } from '../support/run-fixture.js';

/**
 * Compile-time logs (runtime/probe-protocol.ts "Compile-time logs"): every fixture of
 * fixtures/instrument runs plain and with every log option under the checking runtime and must
 * behave the same; each option alone is snapshotted on the hostile fixtures; options that match
 * nothing give exactly the plain instrumentation.
 */
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'fixtures/instrument');
const cases = readdirSync(dir).sort();
const tricky = ['logs-hostile.js', 'logs-typescript.ts'];

const ALL: LogRewriteOptions = {
  logVar: ['.*'], logNumber: ['.*'], logAttr: ['.*'], logFuncExec: ['.*'], logFuncEntry: ['.*'],
  logException: true, logFuncArgs: true, logFuncRetval: true,
};
const EACH: Record<string, LogRewriteOptions> = {
  'log-var': { logVar: ['[a-z]', 'counter|result|later|named'] },
  'log-number': { logNumber: ['a|b|counter'] },
  'log-attr': { logAttr: ['g|p|total|x'] },
  'log-func-exec': { logFuncExec: ['params|gen|Derived\\..*|add'] },
  'log-func-entry': { logFuncEntry: ['params|thrower|add|typed'] },
  'log-exception': { logException: true },
  'log-func-args': { logFuncArgs: 'params|task|typed|Derived.constructor' },
  'log-func-retval': { logFuncRetval: true },
};
const NOTHING: LogRewriteOptions = {
  logVar: ['zz_none'], logNumber: ['zz_none'], logAttr: ['zz_none'], logFuncExec: ['zz_none'], logFuncEntry: ['zz_none'],
  logFuncArgs: 'zz_none', logFuncRetval: 'zz_none',
};

const instrument = (file: string, code: string, logs?: LogRewriteOptions) =>
  instrumentCode(code, { filename: join(dir, file), root, sourceKind: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous', logs });

function toRunnable(file: string, code: string): string {
  if (!/\.tsx?$/.test(file)) return code.replace(/^#!.*/, '');
  return transformSync(code, { loader: file.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'node20' }).code;
}

describe.each(cases)('%s with every log option', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const logged = instrument(file, source, ALL);

  it('re-parses, keeps every line, and instrumenting twice equals once', () => {
    expect(logged.warnings).toEqual([]);
    const reparsed = parseSync(file, logged.code, { sourceType: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous' });
    expect(reparsed.errors.map((e) => e.message)).toEqual([]);
    expect(logged.code.split('\n').length).toBe(source.split('\n').length);
    expect(instrument(file, logged.code, ALL).code).toBe(logged.code);
  });

  it('runs exactly like the original, slices nested, args and return values on the open call', async () => {
    const plain = await runFixture(file, toRunnable(file, source));
    const runtime = createCheckingRuntime();
    const traced = await runFixture(file, toRunnable(file, logged.code), runtime);
    expect(traced).toEqual(plain);
    expect(runtime.violations).toEqual([]);
    expect(runtime.openDepth()).toBe(0);
    expect(runtime.logged.length).toBeGreaterThan(0);
  });

  it('with options that match nothing, equals the plain instrumentation byte for byte', () => {
    expect(instrument(file, source, NOTHING).code).toBe(instrument(file, source).code);
    expect(instrument(file, source, {}).code).toBe(instrument(file, source).code);
  });
});

describe.each(tricky)('%s, one option at a time', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  it.each(Object.keys(EACH))('%s', async (option) => {
    const r = instrument(file, source, EACH[option]);
    expect(r.warnings).toEqual([]);
    await expect(r.code).toMatchFileSnapshot(`__snapshots__/logs/${file}.${option}.out`);
    const runtime = createCheckingRuntime();
    const traced = await runFixture(file, toRunnable(file, r.code), runtime);
    expect(traced).toEqual(await runFixture(file, toRunnable(file, source)));
    expect(runtime.violations).toEqual([]);
    expect(runtime.logged).toMatchSnapshot();
  });
});

describe('magic comments', () => {
  const run = async (code: string) => {
    const r = instrumentCode(code, { filename: join(root, 'src/m.js'), root, sourceKind: 'script' });
    const runtime = createCheckingRuntime();
    const traced = await runFixture('m.js', r.code, runtime);
    return { r, traced, logged: runtime.logged };
  };

  it('log the targets of a statement, its value, and tracer calls on lines of their own', async () => {
    const { traced, logged, r } = await run([
      'let a = 1, [b] = [2] // !viztracer: log',
      'a = 3 // !viztracer: log',
      'a++ // !viztracer: log',
      'a * 10 // !viztracer: log',
      'a = 5 // !viztracer: log if a > 100',
      'a = 6 // !viztracer: log if a > 5',
      'function f() {',
      '  // !viztracer: log_instant("in f")',
      '  // !viztracer: log_var("a", a) if a === 6',
      '  // !viztracer: log_var("never", log("cond is not evaluated")) if false',
      '  return a',
      '}',
      'log(f())',
    ].join('\n'));
    expect(r.warnings).toEqual([]);
    expect(traced).toEqual({ out: ['6'], error: '' });
    expect(logged).toEqual(['var a = 1', 'var b = 2', 'var a = 3', 'var a = 4', 'var a * 10 = 40', 'var a = 6', 'instant in f', 'var a = 6']);
  });

  it('evaluates nothing while not recording', async () => {
    const code = 'let a = 1\n// !viztracer: log_var("a", log("evaluated")) if log("cond")\na = 2 // !viztracer: log if log("cond2")\nlog(a)';
    const r = instrumentCode(code, { filename: join(root, 'src/m.js'), root, sourceKind: 'script' });
    expect(await runFixture('m.js', r.code)).toEqual({ out: ['2'], error: '' });
  });

  it('warns about magic comments in places no statement fits, and leaves the code alone there', () => {
    const code = 'const o = {\n  // !viztracer: log_instant("x")\n  a: 1,\n}\nfoo( // !viztracer: log\n)\n// !viztracer: bogus';
    const r = instrumentCode(code, { filename: join(root, 'src/m.js'), root, sourceKind: 'script' });
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings.every((w) => w.startsWith('src/m.js:'))).toBe(true);
  });

  it('instruments a file with no functions when it has log sites (top-level module code)', async () => {
    const r = instrumentCode('let x = 1\nx += 1\nlog(x)', { filename: join(root, 'src/t.js'), root, sourceKind: 'script', logs: { logVar: ['x'] } });
    expect(r.instrumented).toBe(true);
    const runtime = createCheckingRuntime();
    expect(await runFixture('t.js', r.code, runtime)).toEqual({ out: ['2'], error: '' });
    expect(runtime.logged).toEqual(['var x = 1', 'var x = 2']);
  });
});

describe('--log-exception on calls an exception propagates out of', () => {
  it('records it on every traced call it leaves, sync and async, and rethrows the same value', async () => {
    const code = [
      'function inner() { throw "boom" }',
      'function outer() { try { inner() } finally { log("cleanup") } }',
      'function caught() { try { outer() } catch (e) { log("caught " + e) } return 1 }',
      'const arrow = () => inner()',
      'async function later() { await null; throw "late" }',
      'async function awaits() { await later() }',
      'caught()',
      'try { arrow() } catch (e) { log(e) }',
      'awaits().catch((e) => log("rejected " + e))',
    ].join('\n');
    const r = instrumentCode(code, { filename: join(root, 'src/x.js'), root, sourceKind: 'script', logs: { logException: true } });
    const runtime = createCheckingRuntime();
    const traced = await runFixture('x.js', r.code, runtime);
    expect(traced).toEqual(await runFixture('x.js', code));
    expect(traced.out).toEqual(['cleanup', 'caught boom', 'boom', 'rejected late']);
    expect(runtime.violations).toEqual([]);
    // `exception` lines are the throw statements themselves, `threw` the calls they propagate out of.
    expect(runtime.logged).toEqual([
      'exception  = boom', 'threw inner = boom', 'threw outer = boom',
      'exception  = boom', 'threw inner = boom', 'threw arrow = boom',
      'exception  = late', 'threw later = late', 'threw awaits = late',
    ]);
  });
});
