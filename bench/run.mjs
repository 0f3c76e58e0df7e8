/**
 * `npm run bench`: VizTracer's performance table for viztracer-js (DESIGN.md §8: speed lives here,
 * never in tests). For each workload, all variants run interleaved in this one process
 * (measure.mjs); then the save speed of the real trace writer. Environment:
 *   BENCH_FILTER    comma-separated workloads (fib,hanoi,qsort,slowfib,acorn) and/or "save", "logs", "build", "viewer"
 *   BENCH_ROUNDS    rounds per workload (default 9; acorn 7)
 *   BENCH_LOG_CASES the "logs" section's workloads only (fib,hanoi,acorn)
 *   BENCH_SAMPLE_MS CPU ms per sample (default 150)
 *   BENCH_VARIANTS  extra variants, e.g. "absent,traced-nomax,traced-nomax+nomin+nocap" (variants.mjs)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuClock } from './cpu-clock.mjs';
import { countCalls, measure } from './measure.mjs';
import { SAVE_HEADERS, SUMMARY_HEADERS, saveRows, summarize, summaryRow, table, variantTable } from './print-table.mjs';
import { recordAndSave, saveInChild } from './save-bench.mjs';
import { buildVariants, checkVariantNames, CORE_VARIANTS } from './variants.mjs';
import { selectWorkloads } from './workloads/index.mjs';

if (typeof globalThis.gc !== 'function') {
  // gc() before every sample needs --expose-gc: run again with it.
  const args = ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}

const env = process.env;
const filter = (env.BENCH_FILTER ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const SECTIONS = ['save', 'logs', 'viewer', 'build'];
const workloads = selectWorkloads(filter.filter((n) => !SECTIONS.includes(n)).join(','));
const runSave = filter.length === 0 || filter.includes('save');
const runViewer = filter.length === 0 || filter.includes('viewer');
const runBuild = filter.length === 0 || filter.includes('build');
const runLogs = filter.length === 0 || filter.includes('logs');
const selected = filter.length === 0 || filter.some((n) => !SECTIONS.includes(n)) ? workloads : [];
const sampleMs = Number(env.BENCH_SAMPLE_MS ?? 150);
const variantNames = [...CORE_VARIANTS, ...(env.BENCH_VARIANTS ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
checkVariantNames(variantNames);
const log = (text) => process.stderr.write(`bench: ${text}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-bench-'));
const started = Date.now();
try {
  console.log(`viztracer bench — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`clock: ${cpuClock.name}; medians over interleaved rounds, ~${sampleMs} ms per sample, gc() before each\n`);
  const summary = [];
  for (const w of selected) {
    const rounds = Number(env.BENCH_ROUNDS ?? (w.name === 'acorn' ? 7 : 9));
    log(`${w.name}: building ${variantNames.join(', ')}`);
    const variants = await buildVariants(w, variantNames, dir);
    const m = measure(variants, { rounds, sampleMs, log: (t) => log(`${w.name}: ${t}`) });
    const calls = countCalls(variants.find((v) => v.name === 'traced'));
    const s = summarize(m, calls);
    console.log(`## ${w.name}: ${w.what} — ${calls.toLocaleString('en-US')} calls/run, ${variants[0].functions} instrumented functions, ${rounds} rounds`);
    console.log(`${variantTable(s)}\n`);
    summary.push(summaryRow(w, calls, s));
  }
  if (summary.length) {
    console.log('## Summary (main-thread CPU; +ns = added ns per call over base)');
    console.log(`${table(SUMMARY_HEADERS, summary)}\n`);
  }
  if (runSave) {
    log('save: 10^6 events in-process');
    const one = { label: 'in-process, 10^6 fib events (median of 3)', ...(await recordAndSave(1_000_000, dir, 3)) };
    log('save: 10^7 events in a child with --max-old-space-size=256');
    const childDir = fs.mkdtempSync(path.join(dir, 'child-'));
    const ten = { label: 'child, 10^7 fib events', ...saveInChild(10_000_000, childDir, 256) };
    console.log('## Save (writeTrace to a temp .json: X events + metadata + file_info)');
    console.log(`${table(SAVE_HEADERS, saveRows([one, ten]))}\n`);
  }
  if (runLogs) {
    const { logBench } = await import('./log-bench.mjs');
    console.log(await logBench({ dir, rounds: Number(env.BENCH_ROUNDS ?? 7), sampleMs, log: (t) => log(`logs: ${t}`) }));
  }
  if (runBuild) {
    const { buildBench } = await import('./build-bench.mjs');
    console.log(await buildBench({ log: (t) => log(`build: ${t}`) }));
  }
  if (runViewer) {
    // Needs the viewer page: `node scripts/build-viewer.mjs` (bench/viewer-bench.mjs).
    const { viewerBench } = await import('./viewer-bench.mjs');
    console.log(await viewerBench());
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
