/**
 * Save triggers in real processes (notes/reliability.md §3): `node --import <install>` runs a small
 * program whose probes are written by hand in the shape probe-protocol.ts specifies.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompleteEvent, TraceFile } from '../../runtime/trace-format.js';
import { buildRuntime } from './build-runtime.js';
import { tempDir } from './helpers.js';

const PROGRAM = `import { Worker } from 'node:worker_threads';
var __vt_p;function __vt_p_i(){return __vt_p=globalThis.__viztracer__?.register(["prog.mjs"],["main",0,3,1,"work",0,14,1])??{e(){return -1},x(){},s(v){return v},a(v){return v}}}
function main(mode) {
  const __vt_d=(__vt_p||__vt_p_i()).e(0);try{
  work(3);
  if (mode === 'exit') process.exit(3);
  if (mode === 'throw') throw new Error('boom from main');
  if (mode === 'wait') { setTimeout(() => {}, 30000); console.log('ready'); }
  if (mode === 'user-sigint') { process.on('SIGINT', () => { console.log('user handler'); setTimeout(() => process.exit(0), 20); }); process.kill(process.pid, 'SIGINT'); setTimeout(() => {}, 30000); }
  if (mode === 'worker') new Worker(new URL(import.meta.url), { argv: ['in-worker'] });
  if (mode === 'in-worker') work(100);
  }finally{__vt_p.x(__vt_d)}
}
function work(n) {
  const __vt_d=(__vt_p||__vt_p_i()).e(1);try{ let s = 0; for (let i = 0; i < n; i++) s += i; return s; }finally{__vt_p.x(__vt_d)}
}
main(process.argv[2]);
`;

let root: string;
let install: string;

beforeAll(() => {
  const dist = buildRuntime();
  root = tempDir('vt-proc-');
  fs.writeFileSync(path.join(root, 'prog.mjs'), PROGRAM);
  install = path.join(root, 'install.mjs');
  fs.writeFileSync(install, `import { installNodeRuntime } from ${JSON.stringify(pathToFileURL(path.join(dist, 'runtime/install-node.js')).href)};
installNodeRuntime({ output: process.env.VT_OUT, root: process.env.VT_ROOT, quiet: process.env.VT_QUIET === '1',
  ...(process.env.VT_ENTRIES ? { tracerEntries: Number(process.env.VT_ENTRIES) } : {}) });
`);
});

function args(mode: string): string[] {
  return ['--import', pathToFileURL(install).href, path.join(root, 'prog.mjs'), mode];
}

function env(output: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, VT_OUT: output, VT_ROOT: root, NODE_OPTIONS: '', ...extra };
}

function run(mode: string, output: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args(mode), { cwd: root, env: env(output, extra), encoding: 'utf8', timeout: 60_000 });
}

function calls(output: string): { name: string; unfinished: boolean }[] {
  const trace = JSON.parse(fs.readFileSync(output, 'utf8')) as TraceFile;
  return trace.traceEvents
    .filter((e): e is CompleteEvent => e.ph === 'X')
    .map((e) => ({ name: e.name, unfinished: e.args?.unfinished === true }));
}

const WORK = { name: 'work (prog.mjs:14)', unfinished: false };
const MAIN = { name: 'main (prog.mjs:3)', unfinished: false };

describe('Node runtime in a real process', () => {
  it('saves at normal exit and says so on stderr in one line', () => {
    const output = path.join(root, 'normal.json');
    const r = run('normal', output);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`viztracer: saved 2 events to ${output}\n`);
    expect(calls(output)).toEqual([WORK, MAIN]);
  });

  it('process.exit(3): keeps the code, closes the open frame as unfinished', () => {
    const output = path.join(root, 'exit.json');
    const r = run('exit', output);
    expect(r.status).toBe(3);
    expect(calls(output)).toEqual([WORK, { ...MAIN, unfinished: true }]);
  });

  it('uncaught exception: rc 1, the error stays on stderr, the trace is saved', () => {
    const output = path.join(root, 'throw.json');
    const r = run('throw', output);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom from main');
    expect(r.stderr).toContain(`viztracer: saved 2 events to ${output}`);
    expect(calls(output)).toEqual([WORK, MAIN]);
  });

  it('quiet: nothing on stderr', () => {
    const output = path.join(root, 'quiet.json');
    const r = run('normal', output, { VT_QUIET: '1' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(fs.existsSync(output)).toBe(true);
  });

  it('warns when the ring buffer overflowed', () => {
    const output = path.join(root, 'overflow.json');
    const r = run('normal', output, { VT_ENTRIES: '1' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^viztracer: saved 1 events to .*\nviztracer: warning: .*overflowed.* 1 of 2 calls were dropped.*--tracer-entries/);
  });

  it('a worker thread that ends is a thread of the one trace the main thread saves', () => {
    const output = path.join(root, 'worker.json');
    const r = run('worker', output);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`viztracer: saved 5 events to ${output}\n`);
    const trace = JSON.parse(fs.readFileSync(output, 'utf8')) as TraceFile;
    const byThread = new Map<number, string[]>();
    for (const e of trace.traceEvents) if (e.ph === 'X') byThread.set(e.tid, [...(byThread.get(e.tid) ?? []), e.name]);
    expect([...byThread.values()]).toEqual([[WORK.name, MAIN.name], [WORK.name, WORK.name, MAIN.name]]);
    const [mainTid, workerTid] = [...byThread.keys()];
    expect(mainTid).toBe(r.pid);
    expect(workerTid).toBe(1); // the program's first worker (threadId 1)
    expect(fs.existsSync(`${output}.threads`)).toBe(false);
  });

  it.each([['SIGTERM', 'sigterm'], ['SIGINT', 'sigint']] as const)('%s: saves, then dies by the signal', async (signal, name) => {
    const output = path.join(root, `${name}.json`);
    const child = spawn(process.execPath, args('wait'), { cwd: root, env: env(output), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.kill(signal));
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('exit', (c, s) => resolve([c, s]));
    });
    expect([code, killedBy]).toEqual([null, signal]);
    expect(stderr).toBe(`viztracer: saved 2 events to ${output}\n`);
    expect(calls(output)).toEqual([WORK, MAIN]);
  });

  it('SIGINT with a user listener: saves a snapshot, does not kill, saves again at exit', () => {
    const output = path.join(root, 'user-sigint.json');
    const r = run('user-sigint', output);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('user handler\n');
    expect(r.stderr.match(/viztracer: saved 2 events/g)?.length).toBe(2);
    expect(calls(output)).toEqual([WORK, MAIN]);
  });
});
