import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrace, repoRoot, runViztracer } from '../support/run-cli.js';
import { callTree } from '../support/trace-tree.js';
import vtEsbuild from '../../dist/unplugin/esbuild.js';
import vtWebpack from '../../dist/unplugin/webpack.js';
import { BUNDLERS, buildWith } from './bundlers.js';
import { programsDir, runNode, tempDir } from './check-program.js';

const bundlersDir = join(repoRoot, 'fixtures/bundlers');

/** The first stack frame that points into main.ts: `main.ts:LINE:COL`. */
const mainFrame = (stderr: string): string | undefined => /main\.ts:\d+:\d+/.exec(stderr)?.[0];

describe.concurrent.each(BUNDLERS)('%s + viztracer plugin', (bundler) => {
  it('a thrown error points at the original TS line:col, as without the plugin', async () => {
    const dir = join(bundlersDir, 'throws');
    const plainOut = tempDir(`vt-${bundler}-plain-`);
    const plain = await buildWith[bundler]({ dir, entry: 'main.ts', outDir: plainOut, plugin: null });
    const outDir = tempDir(`vt-${bundler}-`);
    const traced = await buildWith[bundler]({ dir, entry: 'main.ts', outDir, plugin: { outputFile: join(outDir, 't.json') } });
    const a = await runNode(plain.file, dir, ['--enable-source-maps']);
    const b = await runNode(traced.file, dir, ['--enable-source-maps']);
    expect(b.stderr).toContain('RangeError: bad job 2');
    expect(mainFrame(a.stderr)).toBe('main.ts:6:25');
    expect(mainFrame(b.stderr)).toBe(mainFrame(a.stderr));
  });

  it('a file with a syntax error fails the build with its location, reported by the bundler', async () => {
    const dir = join(bundlersDir, 'syntax-error');
    const outDir = tempDir(`vt-${bundler}-`);
    const error = await buildWith[bundler]({ dir, entry: 'main.ts', outDir, plugin: {} }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text = `${(error as Error).message}\n${JSON.stringify((error as { errors?: unknown }).errors ?? '')}`;
    expect(text).toMatch(/main\.ts/);
    expect(text).toMatch(/\b5\b/); // every parser stops at line 5 (`return 2;` inside `broken( {`)
    expect(text).not.toMatch(/viztracer/i); // the bundler's error, not a crash of ours
  });
});

describe('plugin options', () => {
  it('rejects an unknown key naming it', () => {
    expect(() => vtEsbuild({ outptuFile: 'x.json' } as never)).toThrow(/unknown option "outptuFile"/);
    expect(() => vtWebpack({ tracerEntries: 0 })).toThrow(/option "tracerEntries" expects an integer >= 1, got 0/);
    expect(() => vtEsbuild({ minDuration: 'soon' })).toThrow(/option "minDuration" expects a duration.*"soon"/);
    expect(() => vtEsbuild({ platform: 'deno' as never })).toThrow(/option "platform" expects "node", "browser" or "auto", got "deno"/);
    expect(() => vtEsbuild({ include: [''] })).toThrow(/option "include"/);
  });

  it('include/exclude take globs and path prefixes relative to root', async () => {
    const dir = join(programsDir, 'example');
    const outDir = tempDir('vt-esbuild-');
    const traceFile = join(outDir, 't.json');
    const { file } = await buildWith.esbuild({ dir, entry: 'main.ts', outDir, plugin: { outputFile: traceFile, exclude: ['report.ts'] } });
    await runNode(file, dir);
    const names = readTrace(traceFile).traceEvents.filter((e) => e.ph === 'X').map((e) => e.name!);
    expect(names.some((n) => n.includes('main.ts'))).toBe(true);
    expect(names.some((n) => n.includes('report.ts'))).toBe(false);

    const outDir2 = tempDir('vt-esbuild-');
    const trace2 = join(outDir2, 't.json');
    const b = await buildWith.esbuild({ dir, entry: 'main.ts', outDir: outDir2, plugin: { outputFile: trace2, include: ['**/report.*'] } });
    await runNode(b.file, dir);
    const names2 = readTrace(trace2).traceEvents.filter((e) => e.ph === 'X').map((e) => e.name!);
    expect(names2.length).toBeGreaterThan(0);
    expect(names2.every((n) => n.includes('report.ts'))).toBe(true);
  });
});

describe('instrumenting twice', () => {
  it('a bundle built with the plugin, run under the viztracer CLI, is not instrumented again', async () => {
    const dir = join(programsDir, 'fib');
    const outDir = tempDir('vt-twice-');
    const { file } = await buildWith.esbuild({ dir, entry: 'main.ts', outDir, plugin: { outputFile: join(outDir, 'from-bundle.json') } });
    const cliTrace = join(outDir, 'cli.json');
    const r = runViztracer(['-o', cliTrace, file], dir);
    expect(r.status).toBe(0);
    // One runtime (the CLI's; the bundle's install finds it), one trace, each call once.
    expect(r.stderr.match(/viztracer: saved/g)).toHaveLength(1);
    expect(callTree(readTrace(cliTrace).traceEvents)).toBe((await import('node:fs')).readFileSync(join(dir, 'calls.golden.txt'), 'utf8'));
  });
});
