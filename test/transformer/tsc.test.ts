import { build } from 'esbuild';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';
import { readTrace, repoRoot, runViztracer } from '../support/run-cli.js';
import { callTree } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { buildTscProject, emittedEntry, type TscProject, type TscSetup } from './tsc-project.js';

/**
 * The tsc front end end to end, with real compilers: each fixture program is compiled by tsc with
 * `{"transform": "viztracer/transformer"}` and its output run under `viztracer` (which sees the
 * instrumented code and leaves it as it is). Same stdout and exit as the plain program, the call
 * tree of `viztracer main.ts` (the same golden), sources named as the .ts files, nothing dropped
 * by DevTools' trace model. For TypeScript 6 + ts-patch 4 (tspc, and `ts-patch install` + tsc)
 * and TypeScript 5.9 + ts-patch 3.3 (tspc).
 */
const programsDir = join(repoRoot, 'fixtures/programs');
const programs = readdirSync(programsDir).sort();
const throwsDir = join(repoRoot, 'fixtures/tsc/throws');

/** The TS programs and one JS program with every suspension kind (allowJs), to keep the run short. */
const TS_AND_ASYNC = programs.filter((p) => /\.[cm]?ts$/.test(entryOf(join(programsDir, p))) || p === 'async-await');

const SETUPS: (TscSetup & { programs: string[] })[] = [
  { label: 'TypeScript 6.0 + ts-patch 4 (tspc)', typescript: 'typescript', tsPatch: 'ts-patch', mode: 'tspc', programs },
  { label: 'TypeScript 6.0 + ts-patch 4 (ts-patch install, tsc)', typescript: 'typescript', tsPatch: 'ts-patch', mode: 'install', programs: TS_AND_ASYNC },
  { label: 'TypeScript 5.9 + ts-patch 3.3 (tspc)', typescript: 'typescript5', tsPatch: 'ts-patch3', mode: 'tspc', programs: TS_AND_ASYNC },
];

function entryOf(dir: string): string {
  const main = readdirSync(dir).find((f) => /^main\.[cm]?[jt]sx?$/.test(f));
  if (!main) throw new Error(`no main.* in ${dir}`);
  return main;
}

/** The plain run, as test/programs does it: JS as it is, TS bundled by esbuild. Once per program. */
const plainRuns = new Map<string, Promise<SpawnSyncReturns<string>>>();
function runPlain(name: string) {
  if (!plainRuns.has(name)) {
    plainRuns.set(name, (async () => {
      const dir = join(programsDir, name);
      const entry = entryOf(dir);
      let file = join(dir, entry);
      if (/\.[cm]?tsx?$/.test(entry)) {
        file = join(mkdtempSync(join(tmpdir(), 'vt-plain-')), 'main.mjs');
        await build({ entryPoints: [join(dir, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: file, logLevel: 'silent' });
      }
      return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
    })());
  }
  return plainRuns.get(name)!;
}

const firstErrorLine = (s: string) => s.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? '';

/** All setups build at once, when the file loads; each describe waits for its own. */
const builds = new Map(SETUPS.map((setup) => [setup, buildTscProject(setup, [
  ...setup.programs.map((name) => ({ name, from: join(programsDir, name) })),
  { name: 'throws', from: throwsDir },
])]));

describe.each(SETUPS)('$label', (setup) => {
  let project: TscProject;
  beforeAll(async () => {
    project = await builds.get(setup)!;
  }, 300_000);
  // The install setup holds a 24 MB copy of typescript; VT_KEEP_TMP=1 keeps the projects to look at.
  afterAll(() => {
    if (!process.env.VT_KEEP_TMP) rmSync(project.dir, { recursive: true, force: true });
  });

  it('compiles every program without a diagnostic', () => {
    expect(project.build.stderr + project.build.stdout).toBe('');
    expect(project.build.status).toBe(0);
  });

  it.for(setup.programs)('%s: runs as plain, with the golden call tree and the .ts sources', async (name) => {
    const dir = project.caseDir(name);
    const entry = entryOf(dir);
    const emitted = readFileSync(join(dir, emittedEntry(entry)), 'utf8');
    // The table names the original source (planModule ran on it), and the CLI will not instrument again.
    expect(emitted).toContain(`.__viztracer__?.register(["${entry}"`);
    expect(instrumentCode(emitted, { filename: join(dir, emittedEntry(entry)), root: dir }).instrumented).toBe(false);

    const plain = await runPlain(name);
    const out = join(mkdtempSync(join(tmpdir(), 'vt-tsc-trace-')), 'trace.json');
    const traced = runViztracer(['-o', out, emittedEntry(entry)], dir);
    expect(traced.stdout, traced.stderr).toBe(plain.stdout);
    expect(traced.status).toBe(plain.status);
    expect(firstErrorLine(traced.stderr)).toBe(firstErrorLine(plain.stderr));
    expect(traced.stderr).toMatch(/viztracer: saved \d+ events to /);

    const trace = readTrace(out);
    expect(callTree(trace.traceEvents)).toBe(readFileSync(join(programsDir, name, 'calls.golden.txt'), 'utf8'));
    const v = await validateWithTraceEngine(trace.traceEvents);
    expect(v.expected).toBeGreaterThan(0);
    expect(v.inTree).toBe(v.expected);
    expect(trace.file_info.files[entry]?.[0]).toBe(readFileSync(join(programsDir, name, entry), 'utf8'));
    for (const [file] of Object.values(trace.file_info.functions)) expect(file).not.toMatch(/^dist\//);
  });

  it("maps a thrown error's stack to the .ts lines through tsc's source map", () => {
    const dir = project.caseDir('throws');
    const source = readFileSync(join(throwsDir, 'main.ts'), 'utf8');
    const at = (needle: string) => {
      const before = source.slice(0, source.indexOf(needle));
      return `main.ts:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
    };
    const expected = [at('new Error'), at('check(j)'), at('forEach'), at('runAll([')];
    const frames = (stderr: string) => expected.filter((pos) => stderr.includes(`${join(dir, pos)}`) || stderr.includes(`/${pos})`));
    // Runtime absent: the probes are dormant.
    const bare = spawnSync(process.execPath, ['--enable-source-maps', 'dist/main.js'], { cwd: dir, encoding: 'utf8' });
    expect(bare.stdout).toBe('start\n');
    expect(bare.stderr).toContain('Error: bad job b');
    expect(frames(bare.stderr)).toEqual(expected);
    // Under viztracer: recorded, and the same frames.
    const out = join(mkdtempSync(join(tmpdir(), 'vt-tsc-trace-')), 'trace.json');
    const traced = runViztracer(['-o', out, 'dist/main.js'], dir, { NODE_OPTIONS: '--enable-source-maps' });
    expect(traced.status).toBe(bare.status);
    expect(frames(traced.stderr)).toEqual(expected);
    expect(callTree(readTrace(out).traceEvents)).toBe('thread 0\n  runAll (main.ts:10) x1\n    <anonymous>@11:16 (main.ts:11) x2\n      check (main.ts:6) x2\n');
  });
});

describe('TypeScript 7', () => {
  it('gets one clear line pointing at the bundler plugin or the loader', () => {
    // The shape of TypeScript 7's package: the Go compiler, and a JS entry with only the version.
    const dir = mkdtempSync(join(tmpdir(), 'vt-ts7-'));
    mkdirSync(join(dir, 'node_modules/typescript'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'lib/version.cjs' }));
    mkdirSync(join(dir, 'node_modules/typescript/lib'));
    writeFileSync(join(dir, 'node_modules/typescript/lib/version.cjs'), "module.exports = { version: '7.0.2', versionMajorMinor: '7.0' };\n");
    const transformer = join(repoRoot, 'dist/transformer/index.js');
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(transformer)}).default(undefined, {})`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('Error:'));
    expect(line).toMatch(/^Error: viztracer\/transformer: TypeScript 7\.0\.2 has no transformer API .*viztracer\/vite.*npx viztracer app\.ts/);
    expect(existsSync(transformer)).toBe(true);
  });
});
