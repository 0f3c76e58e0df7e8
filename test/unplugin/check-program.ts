/**
 * The check every front end passes on every fixture program: built output run with node in the
 * case dir prints what the plain program prints, exits the same way, writes a trace whose call
 * tree is the case's golden, and DevTools' trace model keeps every slice.
 */
import { build } from 'esbuild';
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readTrace, repoRoot } from '../support/run-cli.js';
import { callTree } from '../support/trace-tree.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

export const programsDir = join(repoRoot, 'fixtures/programs');
export const programs = readdirSync(programsDir).sort();

export function entryOf(dir: string): string {
  const main = readdirSync(dir).find((f) => /^main\.[cm]?[jt]sx?$/.test(f));
  if (!main) throw new Error(`no main.* in ${dir}`);
  return main;
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

const plainRuns = new Map<string, Promise<SpawnSyncReturns<string>>>();

/** The plain program (TS bundled by esbuild, no instrumentation), run once per case. */
export function runPlain(dir: string, entry: string): Promise<SpawnSyncReturns<string>> {
  const key = join(dir, entry);
  let run = plainRuns.get(key);
  if (!run) {
    run = (async () => {
      let file = key;
      if (/\.[cm]?tsx?$/.test(entry)) {
        file = join(tempDir('vt-plain-'), /\.c[jt]s$/.test(entry) ? 'main.cjs' : 'main.mjs');
        await build({ entryPoints: [key], bundle: true, platform: 'node', format: /\.c[jt]s$/.test(entry) ? 'cjs' : 'esm', target: 'node20', outfile: file, logLevel: 'silent' });
      }
      return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
    })();
    plainRuns.set(key, run);
  }
  return run;
}

export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Async, so the concurrent tests of a file overlap their builds and runs. */
export function runNode(file: string, cwd: string, flags: string[] = []): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...flags, file], { cwd, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** trace_engine's handlers are module-level state: concurrent tests must not parse at the same time. */
let validating: Promise<unknown> = Promise.resolve();
function validateOneAtATime(events: Parameters<typeof validateWithTraceEngine>[0]): ReturnType<typeof validateWithTraceEngine> {
  const run = validating.then(() => validateWithTraceEngine(events));
  validating = run.catch(() => undefined);
  return run;
}

const firstErrorLine = (s: string): string => s.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? '';

/** Runs `file` in the case dir and checks it against the plain program and the golden. */
export async function expectTracedLikePlain(file: string, dir: string, entry: string, traceFile: string): Promise<void> {
  const plain = await runPlain(dir, entry);
  const traced = await runNode(file, dir);
  expect(traced.stdout).toBe(plain.stdout);
  expect(traced.status).toBe(plain.status);
  expect(firstErrorLine(traced.stderr)).toBe(firstErrorLine(plain.stderr));
  expect(traced.stderr).toContain(`viztracer: saved `);
  expect(traced.stderr).toContain(` events to ${traceFile}`);

  const trace = readTrace(traceFile);
  expect(callTree(trace.traceEvents)).toBe(readFileSync(join(dir, 'calls.golden.txt'), 'utf8'));
  const v = await validateOneAtATime(trace.traceEvents);
  expect(v.expected).toBeGreaterThan(0);
  expect(v.inTree).toBe(v.expected);
  // Sources are the originals, relative to the case dir.
  expect(trace.file_info.files[entry]?.[0]).toBe(readFileSync(join(dir, entry), 'utf8'));
}
