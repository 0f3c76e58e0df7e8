/**
 * Save speed: fill a real recorder's ring with N fib events (traced variant), then write it with
 * the real trace writer (writeTrace: JSON, file_info included) to a temp file. In-process for
 * 10^6 events; for 10^7 in a child with a 256 MB old space (save-child.mjs) that also reports RSS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTrace } from '../dist/runtime/trace-writer.js';
import { cpuClock, wallNs } from './cpu-clock.mjs';
import { median } from './stats.mjs';
import { buildVariants } from './variants.mjs';
import fib from './workloads/fib.mjs';

const CHILD = fileURLToPath(new URL('./save-child.mjs', import.meta.url));
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

/** Records `events` calls, saves `repeats` times; medians of CPU and wall ms, file MB, RSS. */
export async function recordAndSave(events, dir, repeats) {
  // A fresh directory: a module URL imported before would keep its first recorder.
  const own = fs.mkdtempSync(path.join(dir, 'save-'));
  const [traced] = await buildVariants(fib, ['traced'], own, { tracerEntries: events });
  const rec = traced.recorder;
  while (rec.snapshot().total < events) {
    const before = rec.snapshot().total;
    traced.run();
    if (rec.snapshot().total === before) throw new Error('save bench: the recorder records nothing');
  }
  rec.stop();
  const snapshot = rec.snapshot();
  const rssBeforeMB = maxRssMB();
  const cpu = [];
  const wall = [];
  let bytes = 0;
  let written = 0;
  for (let k = 0; k < repeats; k++) {
    const output = path.join(own, `trace-${k}.json`);
    globalThis.gc?.();
    const c0 = cpuClock.now();
    const w0 = wallNs();
    written = writeTrace(snapshot, { output, root: own });
    cpu.push((cpuClock.now() - c0) / 1e6);
    wall.push((wallNs() - w0) / 1e6);
    bytes = fs.statSync(output).size;
    fs.rmSync(output);
  }
  return { events: written, cpuMs: median(cpu), wallMs: median(wall), mb: bytes / 1e6, rssBeforeMB, peakRssMB: maxRssMB() };
}

/** The 10^7 case in a memory-capped child; returns its result or { error }. */
export function saveInChild(events, dir, heapMB) {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, '--expose-gc', CHILD, String(events), dir], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 1 << 20,
  });
  const last = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !last) {
    return { error: `child exited ${child.status ?? child.signal}: ${(child.stderr || '').trim().split('\n').slice(-3).join(' | ')}` };
  }
  return { ...JSON.parse(last), heapMB };
}
