import { transformSync } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';
import viztracerTransformer from '../../transformer/index.js';
import { createCheckingRuntime } from '../support/checking-runtime.js';
import { runFixture } from '../support/run-fixture.js';

/**
 * The two emitters agree: every fixtures/instrument file goes through the text emitter (then
 * esbuild for TS) and through the tsc transformer (ts.transpileModule, TypeScript 6 in process),
 * and both run under the nesting-checking runtime with the same output and the same sequence of
 * closed slices (names, ids and order), so the AST probes have the text probes' shape.
 */
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'fixtures/instrument');
const cases = readdirSync(dir).sort();

function viaTsc(file: string, code: string, config: Record<string, unknown> = { root }, twice = false): string {
  const plugin = () => viztracerTransformer(undefined, config, { ts });
  return ts.transpileModule(code, {
    fileName: join(dir, file),
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, allowJs: true, strict: false, alwaysStrict: false, jsx: ts.JsxEmit.React },
    transformers: { before: twice ? [plugin(), plugin()] : [plugin()] },
  }).outputText;
}

function viaText(file: string, code: string): string {
  const out = instrumentCode(code, { filename: join(dir, file), root, sourceKind: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous' }).code;
  if (!/\.tsx?$/.test(file)) return out.replace(/^#!.*/, '');
  return transformSync(out, { loader: file.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'es2022' }).code;
}

const run = runFixture;

describe.each(cases)('fixtures/instrument/%s through the tsc transformer', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');

  it('runs like the text emitter: same output, same closed slices, all nested', async () => {
    const textRuntime = createCheckingRuntime();
    const text = await run(file, viaText(file, source), textRuntime);
    const tscRuntime = createCheckingRuntime();
    // Every site of the plan is found in the TS AST (the transformer warns otherwise).
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const emitted = viaTsc(file, source);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([]);
    stderr.mockRestore();
    const tsc = await run(file, emitted, tscRuntime);
    expect(tsc).toEqual(text);
    expect(tscRuntime.violations).toEqual([]);
    expect(tscRuntime.openDepth()).toBe(0);
    expect(tscRuntime.closed.length).toBeGreaterThan(0);
    expect(tscRuntime.closed).toEqual(textRuntime.closed);
  });

  it('reads the on flag like the text probes: a stopped handle is never exited, and entered only on resumption', async () => {
    const stopped = (calls: string[]) => ({
      protocol: 3,
      register: () => ({
        on: false,
        e: (k: number) => (calls.push(`e${k}`), -1),
        x: (d: number) => calls.push(`x${d}`),
        s: (v: unknown) => v,
        a: (v: unknown) => v,
        // Magic comments log without options (logs-magic.js): a stopped handle still has them.
        l: (_k: number, v: unknown) => v,
        r: (v: unknown) => v,
        g: () => {},
        v: (_d: number, v: unknown) => v,
      }),
    });
    const textCalls: string[] = [];
    const tscCalls: string[] = [];
    const text = await run(file, viaText(file, source), stopped(textCalls));
    expect(text.error).toBe('');
    expect(await run(file, viaTsc(file, source), stopped(tscCalls))).toEqual(text);
    expect(tscCalls).toEqual(textCalls);
    expect(tscCalls.filter((c) => c.startsWith('x'))).toEqual([]);
  });

  it('is left alone when already instrumented (twice equals once)', () => {
    const once = viaTsc(file, source);
    expect(viaTsc(file, source, { root }, true)).toBe(once);
    expect(instrumentCode(once, { filename: join(dir, file.replace(/\.ts$/, '.js')), root }).instrumented).toBe(false);
  });
});

describe('transformer options', () => {
  const code = 'function f() { return 1 }\nf();\n';
  it('rejects unknown keys and "after" with one line naming them', () => {
    expect(() => viaTsc('functions.js', code, { root, rot: 'x' })).toThrow(/^viztracer\/transformer: unknown option "rot"/);
    expect(() => viaTsc('functions.js', code, { root, after: true })).toThrow(/"after": true is not supported/);
  });
  it('skips excluded files and node_modules', () => {
    expect(viaTsc('functions.js', code, { root, excludeFiles: ['fixtures/instrument'] })).not.toContain('__viztracer__');
    expect(viaTsc('functions.js', code, { root, includeFiles: ['fixtures'] })).toContain('__viztracer__');
  });
  it('keeps the "already instrumented" marker when the target lowers ?.', () => {
    const out = ts.transpileModule(code, {
      fileName: join(dir, 'x.js'),
      compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS, allowJs: true },
      transformers: { before: [viztracerTransformer(undefined, { root }, { ts })] },
    }).outputText;
    expect(out).toContain('.__viztracer__?.register(');
    expect(instrumentCode(out, { filename: join(dir, 'x.js'), root }).instrumented).toBe(false);
  });
});
