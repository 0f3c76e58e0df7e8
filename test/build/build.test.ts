import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runViztracer } from '../support/run-cli.js';
import { entryOf, expectTracedLikePlain, programs, programsDir, runNode, runPlain, tempDir } from '../unplugin/check-program.js';

const outFile = (outDir: string): string => join(outDir, readdirSync(outDir).find((f) => /^main\.[cm]?js$/.test(f))!);
const formatOf = (entry: string): string => (/\.c[jt]s$/.test(entry) ? 'cjs' : 'esm');

describe.concurrent('viztracer build --trace', () => {
  it.each(programs)('fixtures/programs/%s: runs as plain, call tree = golden', async (name) => {
    const dir = join(programsDir, name);
    const entry = entryOf(dir);
    const outDir = tempDir('vt-build-');
    const traceFile = join(outDir, 'trace.json');
    const r = runViztracer(['build', entry, '--outdir', outDir, '--bundle', '--trace', '--format', formatOf(entry), '-o', traceFile], dir);
    expect(r.stderr).toContain('(traced)');
    expect(r.status).toBe(0);
    await expectTracedLikePlain(outFile(outDir), dir, entry, traceFile);
  });
});

describe('viztracer build', () => {
  it('without --trace is a plain build: same output, no trace', async () => {
    const dir = join(programsDir, 'example');
    const outDir = tempDir('vt-build-');
    const r = runViztracer(['build', 'main.ts', '--outdir', outDir, '--bundle'], dir);
    expect(r.status).toBe(0);
    const run = await runNode(outFile(outDir), dir);
    expect(run.stdout).toBe((await runPlain(dir, 'main.ts')).stdout);
    expect(run.stderr).not.toContain('viztracer');
    expect(existsSync(join(dir, 'result.json'))).toBe(false);
  });

  it.each([
    [['main.ts', '--outdir', 'o', '--bogus'], 'unrecognized build option --bogus'],
    [['main.ts', '--outdir', 'o', '--format', 'amd'], '--format: expects esm or cjs, got "amd"'],
    [['main.ts', '--outdir', 'o', '--trace'], '--trace needs --bundle'],
    [['main.ts', '--bundle'], 'needs --outdir'],
    [['main.ts', '--outdir', 'o', '--tracer-entries', '5'], '--tracer-entries only applies with --trace'],
    [['main.ts', '--outdir', 'o', '--bundle', '--trace', '--min-duration', 'soon'], '--min-duration: expects a duration'],
    [['nope.ts', '--outdir', 'o'], 'no such file: nope.ts'],
  ])('rejects %j with one line and exit 2', (args, message) => {
    const r = runViztracer(['build', ...args], join(programsDir, 'example'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`viztracer: error: ${r.stderr.slice(18).trimEnd()}\n`);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a syntax error fails with esbuild\'s file:line:col and exit 1', () => {
    const r = runViztracer(['build', 'main.ts', '--outdir', tempDir('vt-build-'), '--bundle', '--trace'], join(programsDir, '../bundlers/syntax-error'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/main\.ts:5:\d+/);
  });
});
