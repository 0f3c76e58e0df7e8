import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import type { TraceEvent } from './trace-tree.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const viztracerBin = resolve(repoRoot, 'bin/viztracer.js');

/** Runs the built `viztracer` command like a user would (cwd, argv), without a shell. */
export function runViztracer(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [viztracerBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

export interface TraceFile {
  traceEvents: TraceEvent[];
  viztracer_metadata: Record<string, unknown>;
  file_info: { files: Record<string, [string, number]>; functions: Record<string, [string, number]> };
}

export function readTrace(path: string): TraceFile {
  const bytes = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text) as TraceFile;
}
