import { transformSync } from 'esbuild';
import { parseSync } from 'oxc-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';
import { createCheckingRuntime } from '../support/checking-runtime.js';
import { runFixture } from '../support/run-fixture.js';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'fixtures/instrument');
const cases = readdirSync(dir).sort();

const instrument = (file: string, code: string) =>
  instrumentCode(code, { filename: join(dir, file), root, sourceKind: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous' });

/** TS and TSX run after esbuild strips their types, as the loader does. */
function toRunnable(file: string, code: string): string {
  if (!/\.tsx?$/.test(file)) return code.replace(/^#!.*/, '');
  return transformSync(code, { loader: file.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'node20' }).code;
}

const run = (file: string, code: string, runtime?: object) => runFixture(file, toRunnable(file, code), runtime);

describe.each(cases)('%s', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const once = instrument(file, source);

  it('is instrumented, and its output matches the snapshot', async () => {
    expect(once.warnings).toEqual([]);
    expect(once.instrumented).toBe(true);
    await expect(once.code).toMatchFileSnapshot(`__snapshots__/${file}.out`);
    expect(once.sites.map((s) => `${s.name} ${s.file}:${s.line}:${s.column}`)).toMatchSnapshot();
  });

  it('re-parses, keeps every line, and instrumenting twice equals once', () => {
    const reparsed = parseSync(file, once.code, { sourceType: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous' });
    expect(reparsed.errors.map((e) => e.message)).toEqual([]);
    expect(once.code.split('\n').length).toBe(source.split('\n').length);
    const twice = instrument(file, once.code);
    expect(twice.instrumented).toBe(false);
    expect(twice.code).toBe(once.code);
  });

  it('runs exactly like the original, with every slice nested', async () => {
    const plain = await run(file, source);
    const runtime = createCheckingRuntime();
    const traced = await run(file, once.code, runtime);
    expect(traced).toEqual(plain);
    expect(plain.out.length).toBeGreaterThan(0);
    expect(runtime.violations).toEqual([]);
    expect(runtime.openDepth()).toBe(0);
    expect(runtime.closed.length).toBeGreaterThan(0);
  });
});

describe('input the parser rejects', () => {
  it('passes through unchanged with one warning naming file:line:col', () => {
    const r = instrumentCode('function ok() {}\nfunction f( {', { filename: join(root, 'src/bad.js'), root });
    expect(r.instrumented).toBe(false);
    expect(r.code).toBe('function ok() {}\nfunction f( {');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^src\/bad\.js:2:\d+: /);
  });

  it('accepts what V8 accepts only through a warning (Annex B call assignment)', () => {
    const r = instrumentCode('function g() {}\nif (0) g() = 1;', { filename: join(root, 'a.js'), root, sourceKind: 'script' });
    expect(r.code).toBe('function g() {}\nif (0) g() = 1;');
    expect(r.warnings[0]).toMatch(/^a\.js:2:/);
  });
});

describe('ignore comments and node_modules-free naming', () => {
  it('leaves a file with viztracer-ignore-file alone', () => {
    const code = '// viztracer-ignore-file\nfunction f() { return 1; }';
    expect(instrumentCode(code, { filename: join(root, 'x.js'), root }).instrumented).toBe(false);
  });

  it('names functions the way a reader would', () => {
    const code = [
      'export default function () {}',
      'const x = () => {}; let y; y = function () {};',
      'class K { static s() {} get g() { return 1 } set g(v) {} #p() {} ["lit"]() {} [Symbol.iterator]() {} }',
      'const obj = { m() {}, get v() { return 1 }, k: () => {} }; exports.api = function () {};',
      'const C = class { m() {} }; [1].map(function () {});',
    ].join('\n');
    const r = instrumentCode(code, { filename: join(root, 'src/n.js'), root, sourceKind: 'module' });
    expect(r.sites.map((s) => s.name)).toEqual([
      'default', 'x', 'y', 'K.s', 'K.get g', 'K.set g', 'K.#p', 'K.lit', 'K.[Symbol.iterator]',
      'obj.m', 'obj.get v', 'obj.k', 'exports.api', 'C.m', '<anonymous>@5:37',
    ]);
  });

  it('qualifies functions declared in TypeScript namespaces', () => {
    const code = 'namespace A { export function f() {} namespace B { function g() {} } }\nnamespace C.D { export function h() {} }';
    const r = instrumentCode(code, { filename: join(root, 'src/ns.ts'), root });
    expect(r.sites.map((s) => s.name)).toEqual(['A.f', 'A.B.g', 'C.D.h']);
  });
});
