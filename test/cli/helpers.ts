/** Shared helpers of the CLI tests: temp copies of fixtures/cli/*, and runs of the built CLI. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'bin', 'viztracer.js');

/** A fresh temp dir (realpath: macOS /tmp is a symlink), optionally holding a copy of a fixture. */
export function tempProject(fixture?: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'viztracer-cli-')));
  if (fixture) cpSync(join(REPO, 'fixtures', 'cli', fixture), dir, { recursive: true });
  return dir;
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function done(r: SpawnSyncReturns<string>): Run {
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** `node bin/viztracer.js ...args` in `cwd`. */
export function viztracer(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input?: string): Run {
  return done(spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', input }));
}

/** `node ...args` in `cwd`, untraced, for comparison. */
export function plainNode(args: string[], cwd: string): Run {
  return done(spawnSync(process.execPath, args, { cwd, encoding: 'utf8' }));
}

export interface TraceEvent { ph: string; name: string; ts: number; dur?: number; pid: number; tid: number }
export interface Trace { traceEvents: TraceEvent[]; viztracer_metadata: Record<string, unknown>; file_info?: unknown }

export function readTrace(file: string): Trace {
  const bytes = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text) as Trace;
}

/** Names of the complete (X) events, deduplicated and sorted. */
export function callNames(trace: Trace): string[] {
  return [...new Set(trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.name))].sort();
}
