import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrace, repoRoot, runViztracer } from '../support/run-cli.js';
import { callTree } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

/**
 * Every fixture program runs plain and traced: same stdout and exit code, a trace that DevTools'
 * trace model reads without dropping a slice, and a call tree equal to the program's golden
 * (`UPDATE_GOLDENS=1` rewrites them after a deliberate change).
 */
const programsDir = join(repoRoot, 'fixtures/programs');
const programs = readdirSync(programsDir).sort();

function entryOf(dir: string): string {
  const main = readdirSync(dir).find((f) => /^main\.[cm]?[jt]sx?$/.test(f));
  if (!main) throw new Error(`no main.* in ${dir}`);
  return main;
}

/** The plain run: JS as it is; TS bundled by esbuild with no instrumentation. */
async function runPlain(dir: string, entry: string) {
  let file = join(dir, entry);
  if (/\.[cm]?tsx?$/.test(entry)) {
    file = join(mkdtempSync(join(tmpdir(), 'vt-plain-')), 'main.mjs');
    await build({ entryPoints: [join(dir, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: file, logLevel: 'silent' });
  }
  return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
}

describe.each(programs)('fixtures/programs/%s', (name) => {
  const dir = join(programsDir, name);
  const entry = entryOf(dir);

  it('runs traced exactly as plain, and its call tree matches the golden', async () => {
    const plain = await runPlain(dir, entry);
    const out = join(mkdtempSync(join(tmpdir(), 'vt-trace-')), 'trace.json');
    const traced = runViztracer(['-o', out, entry], dir);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.status).toBe(plain.status);
    // An uncaught error prints the same first line (the stack's paths differ: bundled vs original).
    const firstErrorLine = (s: string) => s.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? '';
    expect(firstErrorLine(traced.stderr)).toBe(firstErrorLine(plain.stderr));
    expect(traced.stderr).toMatch(/viztracer: saved \d+ events to /);

    const trace = readTrace(out);
    const golden = join(dir, 'calls.golden.txt');
    const tree = callTree(trace.traceEvents);
    if (process.env.UPDATE_GOLDENS) writeFileSync(golden, tree);
    expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDENS=1 and review it`).toBe(true);
    expect(tree).toBe(readFileSync(golden, 'utf8'));

    const v = await validateWithTraceEngine(trace.traceEvents);
    expect(v.expected).toBeGreaterThan(0);
    expect(v.inTree).toBe(v.expected);
    // Sources are the originals (TypeScript, not emitted JS).
    expect(Object.keys(trace.file_info.files)).toContain(entry);
    expect(trace.file_info.files[entry]![0]).toBe(readFileSync(join(dir, entry), 'utf8'));
  });
});
