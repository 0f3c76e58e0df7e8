/**
 * Real-world bundles, instrumented whole and run against their plain selves (notes/reliability.md
 * §2e: only minified bundles caught coinciding insertion offsets):
 * - @babel/standalone's babel.min.js (3 MB minified) transforms acorn's source with preset-env;
 * - typescript.js (9 MB) transpiles the runtime's sources and type-checks + emits a small program.
 * Outputs must be byte-identical, and the instrumented run must have recorded calls through the
 * real recorder. The instrumented code is compiled in place (its own filename and __dirname), so
 * the tools find their siblings exactly as they would uninstrumented.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';
import { createRecorder, type Recorder } from '../../runtime/recorder.js';

const root = path.resolve(import.meta.dirname, '../..');
const SLOW = 10 * 60_000;

/** Evaluate CommonJS source as if it were `filename`. */
function loadCommonJs(filename: string, code: string): any {
  const fn = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
  const module = { exports: {} as unknown };
  fn.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  return module.exports;
}

function instrumentFile(filename: string): { plain: string; instrumented: string; sites: number } {
  const plain = fs.readFileSync(filename, 'utf8');
  const r = instrumentCode(plain, { filename, root, sourceKind: 'commonjs', sourceMap: false });
  expect(r.warnings).toEqual([]);
  expect(r.instrumented).toBe(true);
  return { plain, instrumented: r.code, sites: r.sites.length };
}

describe('real-world bundles run instrumented exactly as plain', () => {
  let recorder: Recorder;

  beforeAll(() => {
    recorder = createRecorder({ clock: process.hrtime.bigint, tracerEntries: 1 << 16 });
    Object.defineProperty(globalThis, '__viztracer__', { value: recorder, configurable: true, writable: false, enumerable: false });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, '__viztracer__');
  });

  /** Completed calls the recorder saw while `fn` ran. */
  function recording<T>(fn: () => T): { value: T; calls: number } {
    recorder.clear();
    recorder.start();
    try {
      const value = fn();
      return { value, calls: recorder.snapshot().total };
    } finally {
      recorder.stop();
    }
  }

  it('babel.min.js (minified) transforms acorn with preset-env byte-identically', () => {
    const file = path.join(root, 'node_modules/@babel/standalone/babel.min.js');
    const { plain, instrumented, sites } = instrumentFile(file);
    expect(sites).toBeGreaterThan(5000);
    const input = fs.readFileSync(path.join(root, 'node_modules/acorn/dist/acorn.js'), 'utf8');
    const options = { presets: [['env', { targets: { ie: 11 } }]], filename: 'acorn.js', sourceType: 'script' };
    const babelPlain = loadCommonJs(file, plain);
    const expected: string = babelPlain.transform(input, options).code;
    const babelInstrumented = loadCommonJs(file, instrumented);
    const { value: actual, calls } = recording(() => babelInstrumented.transform(input, options).code as string);
    expect(actual.length).toBeGreaterThan(100_000);
    expect(actual === expected).toBe(true);
    expect(calls).toBeGreaterThan(100_000);
  }, SLOW);

  it('typescript.js transpiles and type-checks identically', () => {
    const file = path.join(root, 'node_modules/typescript/lib/typescript.js');
    const { plain, instrumented, sites } = instrumentFile(file);
    expect(sites).toBeGreaterThan(10_000);
    const sources = fs
      .readdirSync(path.join(root, 'runtime'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(root, 'runtime', f));
    const use = (ts: any): string => {
      const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, sourceMap: true };
      const transpiled = sources.map((f) => ts.transpileModule(fs.readFileSync(f, 'utf8'), { fileName: f, compilerOptions }).outputText);
      const program = ts.createProgram([path.join(root, 'runtime/recorder.ts')], {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ['lib.es2022.d.ts'],
        types: [],
        skipLibCheck: true,
        declaration: true,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d: any) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      const emitted: Record<string, string> = {};
      program.emit(undefined, (name: string, text: string) => {
        emitted[name] = text;
      });
      return JSON.stringify({ transpiled, diagnostics, emitted });
    };
    const expected = use(loadCommonJs(file, plain));
    const tsInstrumented = loadCommonJs(file, instrumented);
    const { value: actual, calls } = recording(() => use(tsInstrumented));
    expect(expected).toContain('createRecorder');
    expect(actual === expected).toBe(true);
    expect(calls).toBeGreaterThan(100_000);
  }, SLOW);
});
