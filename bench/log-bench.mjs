/**
 * Log rows of `npm run bench` (issue 4): what compile-time logs cost on top of plain tracing.
 * For each workload, variants measured interleaved in this process (measure.mjs):
 *   base      the source as written;
 *   traced    plain instrumentation, recording;
 *   nomatch   instrumented with a --log-var RegEx that matches nothing (byte-identical code, so any
 *             difference is noise: the "unmatched RegEx costs nothing" check);
 *   logvar    --log-var <workload.logVar>, recording;
 *   logargs   --log-func-args (every function), recording.
 * Per logged value = (logvar - traced) / values logged per run; compared with a call event
 * = (traced - base) / calls per run. Target: a variable log costs at most 2x a call event.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import { instrumentCode } from '../dist/instrument/index.js';
import { createRecorder } from '../dist/runtime/recorder.js';
import { hrtimeClock, wallClock } from '../dist/runtime/node-clock.js';
import { GLOBAL_NAME } from '../dist/runtime/probe-protocol.js';
import { measure } from './measure.mjs';
import { table } from './print-table.mjs';
import { halfIqr, median } from './stats.mjs';
import acorn from './workloads/acorn.mjs';
import fib from './workloads/fib.mjs';
import hanoi from './workloads/hanoi.mjs';

/** Which variable each workload logs (a name assigned on its hot path). */
const CASES = [
  { workload: fib, logVar: 'n', args: true }, // the parameter, at every entry
  { workload: hanoi, logVar: 'n', args: true }, // four numeric parameters per call
  { workload: acorn, logVar: 'node', args: false }, // `var node = this.startNode()` and friends: objects, repr'd at log time
];

const VARIANTS = (c) => ['base', 'traced', 'nomatch', 'logvar', ...(c.args ? ['logargs'] : [])];

function logsFor(name, c) {
  if (name === 'nomatch') return { logVar: ['zz_matches_nothing'] };
  if (name === 'logvar') return { logVar: [c.logVar] };
  if (name === 'logargs') return { logFuncArgs: true };
  return undefined;
}

async function buildCase(c, dir) {
  const { workload } = c;
  const source = workload.source();
  const file = path.join(dir, `${workload.name}-logs.mjs`);
  fs.writeFileSync(file, source);
  const variants = [];
  const codes = {};
  for (const name of VARIANTS(c)) {
    let code = source;
    if (name !== 'base') {
      const r = instrumentCode(source, { filename: file, root: dir, sourceKind: 'module', sourceMap: false, logs: logsFor(name, c) });
      if (!r.instrumented) throw new Error(`${workload.name}/${name}: not instrumented ${r.warnings.join('; ')}`);
      code = r.code;
    }
    codes[name] = code;
    // The "unmatched RegEx costs nothing" row only means that while the code is the same.
    if (name === 'nomatch' && code !== codes.traced) throw new Error(`${workload.name}: an unmatched --log-var changed the code`);
    const out = path.join(dir, `${workload.name}-logs-${name}.mjs`);
    fs.writeFileSync(out, code);
    // As the Node runtime makes it: with the trap-free proxy test every logged object pays.
    const recorder = name === 'base' ? undefined : createRecorder({ clock: hrtimeClock, wallClock, isProxy: types.isProxy });
    recorder?.start();
    if (recorder) globalThis[GLOBAL_NAME] = recorder;
    try {
      const mod = await import(pathToFileURL(out).href);
      mod.run();
      variants.push({ name, run: mod.run, recorder });
    } finally {
      delete globalThis[GLOBAL_NAME];
    }
  }
  return variants;
}

/** Calls and log events one run adds to a variant's recorder. */
function perRun(variant) {
  const before = variant.recorder.snapshot();
  variant.run();
  const after = variant.recorder.snapshot();
  return { calls: after.total - before.total, logs: (after.logs?.total ?? 0) - (before.logs?.total ?? 0) };
}

const ns = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export async function logBench({ dir, rounds = 7, sampleMs = 150, log = () => {} }) {
  const rows = [];
  // BENCH_LOG_CASES=acorn,fib: only these workloads' rows.
  const only = (process.env.BENCH_LOG_CASES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of CASES.filter((k) => only.length === 0 || only.includes(k.workload.name))) {
    log(`${c.workload.name}: building ${VARIANTS(c).join(', ')}`);
    const variants = await buildCase(c, dir);
    const by = Object.fromEntries(variants.map((v) => [v.name, v]));
    const { calls } = perRun(by.traced);
    const values = perRun(by.logvar).logs;
    const m = measure(variants, { rounds, sampleMs, log: (t) => log(`${c.workload.name}: ${t}`) });
    // Per round, so the interleaving cancels drift: ns added per call / per logged value.
    const perCall = (name) => m.cpuMs[name].map((v, r) => ((v - m.cpuMs.base[r]) * 1e6) / calls);
    const delta = (name, per) => m.cpuMs[name].map((v, r) => ((v - m.cpuMs.traced[r]) * 1e6) / per);
    const event = perCall('traced');
    const varCost = delta('logvar', values);
    const ratio = varCost.map((v, r) => v / event[r]);
    const argsCost = by.logargs ? delta('logargs', calls) : null;
    const nomatch = delta('nomatch', calls);
    const r = median(ratio);
    rows.push([
      `${c.workload.name} (--log-var ${c.logVar})`,
      calls.toLocaleString('en-US'),
      values.toLocaleString('en-US'),
      `${ns(median(event))}`,
      `${ns(median(varCost))} ±${ns(halfIqr(varCost))}`,
      `${r.toFixed(2)}x ${r <= 2 ? 'met' : 'NOT met'}`,
      argsCost ? `${ns(median(argsCost))} ±${ns(halfIqr(argsCost))} (${(median(argsCost) / median(event)).toFixed(2)}x)` : '-',
      `${ns(median(nomatch))} ±${ns(halfIqr(nomatch))}`,
    ]);
  }
  return [
    '## Logs (--log-var / --log-func-args on top of tracing; main-thread CPU, medians of interleaved rounds)',
    table(['workload', 'calls/run', 'values/run', 'call event ns', 'per logged value ns', 'value / call (target <= 2)', '--log-func-args +ns/call', 'unmatched RegEx +ns/call'], rows),
    '',
  ].join('\n');
}
