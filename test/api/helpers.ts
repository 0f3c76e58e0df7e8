/**
 * Helpers of the API tests: a temp project whose `node_modules/viztracer` is this repository (so
 * programs import the built package as users do), runs of plain node and of the built CLI, and
 * trace reading with the trace_engine check every written trace must pass.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, REPO, type Run } from '../cli/helpers.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

export interface Event {
  ph: string;
  name: string;
  cat?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  s?: string;
  id?: string;
  args?: Record<string, unknown>;
}
export interface Trace { traceEvents: Event[]; viztracer_metadata: Record<string, unknown> }

/** A temp dir holding fixtures/api/* and a node_modules/viztracer link to the repository. */
export function apiProject(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'viztracer-api-')));
  cpSync(join(REPO, 'fixtures', 'api'), dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'viztracer'), 'dir');
  return dir;
}

function run(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, VIZTRACER_CONFIG: '' } });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** `node ...args` (untraced). */
export const node = (args: string[], cwd: string): Run => run(args, cwd);

/** `viztracer ...args` (the built CLI). */
export const viztracer = (args: string[], cwd: string): Run => run([BIN, ...args], cwd);

/** Reads a trace and checks it loads in DevTools' trace engine with every slice and instant kept. */
export async function readChecked(file: string): Promise<Trace> {
  const trace = JSON.parse(readFileSync(file, 'utf8')) as Trace;
  const v = await validateWithTraceEngine(trace.traceEvents as never);
  expect(v.inTree).toBe(v.expected);
  return trace;
}

/** Non-metadata events without the varying fields (ts, dur, pid, tid). */
export function shapes(trace: Trace): Omit<Event, 'ts' | 'dur' | 'pid' | 'tid'>[] {
  return trace.traceEvents.filter((e) => e.ph !== 'M').map(({ ts: _ts, dur: _dur, pid: _pid, tid: _tid, ...rest }) => rest);
}
