import { transformSync } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { instrumentCode, type LogRewriteOptions } from '../../instrument/index.js';
import viztracerTransformer from '../../transformer/index.js';
import { createCheckingRuntime } from '../support/checking-runtime.js';
import { runFixture } from '../support/run-fixture.js';

/**
 * The two emitters agree on compile-time logs: every fixtures/instrument file, with every log
 * option, through the text emitter (then esbuild) and the tsc transformer, runs with the same
 * output, the same closed slices and the same logged values in the same order.
 */
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'fixtures/instrument');
const cases = readdirSync(dir).sort();

const ALL: LogRewriteOptions = {
  logVar: ['.*'], logNumber: ['[a-c].*'], logAttr: ['.*'], logFuncExec: ['.*'], logFuncEntry: ['.*'],
  logException: true, logFuncArgs: true, logFuncRetval: true,
};

function viaTsc(file: string, code: string, logs: LogRewriteOptions): string {
  return ts.transpileModule(code, {
    fileName: join(dir, file),
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, allowJs: true, strict: false, alwaysStrict: false, jsx: ts.JsxEmit.React },
    transformers: { before: [viztracerTransformer(undefined, { root, ...logs }, { ts })] },
  }).outputText;
}

function viaText(file: string, code: string, logs: LogRewriteOptions): string {
  const out = instrumentCode(code, { filename: join(dir, file), root, sourceKind: file.endsWith('.cjs') ? 'commonjs' : 'unambiguous', logs }).code;
  if (!/\.tsx?$/.test(file)) return out.replace(/^#!.*/, '');
  return transformSync(out, { loader: file.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'es2022' }).code;
}

describe.each(cases)('fixtures/instrument/%s with every log option, through the tsc transformer', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');

  it('logs what the text emitter logs, in the same order, and runs the same', async () => {
    const textRuntime = createCheckingRuntime();
    const text = await runFixture(file, viaText(file, source, ALL), textRuntime);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const emitted = viaTsc(file, source, ALL);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([]);
    stderr.mockRestore();
    const tscRuntime = createCheckingRuntime();
    const tsc = await runFixture(file, emitted, tscRuntime);
    expect(tsc).toEqual(text);
    expect(tscRuntime.violations).toEqual([]);
    expect(tscRuntime.closed).toEqual(textRuntime.closed);
    expect(tscRuntime.logged).toEqual(textRuntime.logged);
  });
});

describe('transformer log options', () => {
  const code = 'let x = 1\nx = 2\n';
  const emit = (config: Record<string, unknown>) =>
    ts.transpileModule(code, { fileName: join(dir, 'x.js'), compilerOptions: { allowJs: true, module: ts.ModuleKind.CommonJS }, transformers: { before: [viztracerTransformer(undefined, { root, ...config }, { ts })] } }).outputText;
  it('validates them with one line naming the key', () => {
    expect(() => emit({ logVar: 'x(' })).toThrow(/^viztracer\/transformer: "logVar": invalid regular expression/);
    expect(() => emit({ logFuncArgs: 3 })).toThrow(/"logFuncArgs" must be true, false or a regular expression/);
    expect(() => emit({ logException: 'yes' })).toThrow(/"logException" must be true or false/);
  });
  it('unmatched RegEx gives the plain instrumentation', () => {
    expect(emit({ logVar: ['nope'], logFuncArgs: 'nope' })).toBe(emit({}));
  });
  it('a logged `export const` still reads the exported binding after TS rewrites it to exports.x', async () => {
    const out = ts.transpileModule('export const x = 1\nexport let y = 2\ny = 3\nlog(x, y)', {
      fileName: join(dir, 'e.ts'),
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      transformers: { before: [viztracerTransformer(undefined, { root, logVar: ['x|y'] }, { ts })] },
    }).outputText;
    const runtime = createCheckingRuntime();
    expect(await runFixture('e.js', out, runtime)).toEqual({ out: ['1 3'], error: '' });
    expect(runtime.logged).toEqual(['var x = 1', 'var y = 2', 'var y = 3']);
  });
});
