/**
 * Interleaved measurement of one workload's variants in one process (notes/perf-limits.md):
 * each sample runs a variant `reps` times (reps chosen so a sample lasts about `sampleMs` of CPU,
 * since the schedstat clock ticks every 4 ms), gc() before every sample, two warm-up samples per
 * variant, then `rounds` rounds with the variant order rotated each round.
 */
import { cpuClock, wallNs } from './cpu-clock.mjs';

let sink = 0; // keeps run() results alive

function sample(variant, reps) {
  globalThis.gc();
  const c0 = cpuClock.now();
  const w0 = wallNs();
  for (let i = 0; i < reps; i++) sink += variant.run();
  const cpu = cpuClock.now() - c0;
  const wall = wallNs() - w0;
  return { cpuMs: cpu / 1e6 / reps, wallMs: wall / 1e6 / reps };
}

/** Returns { reps, cpuMs: {variant: number[] per round}, wallMs: {...} }. */
export function measure(variants, { rounds, sampleMs, log = () => {} }) {
  const reps = {};
  for (const v of variants) {
    // Warm-up twice, each time counting the runs that take `sampleMs` of CPU (the clock is coarse,
    // so it is read between runs rather than timing one run).
    for (let warm = 0; warm < 2; warm++) {
      globalThis.gc();
      const c0 = cpuClock.now();
      let n = 0;
      do {
        sink += v.run();
        n++;
      } while (cpuClock.now() - c0 < sampleMs * 1e6);
      reps[v.name] = n;
    }
  }
  const cpuMs = Object.fromEntries(variants.map((v) => [v.name, []]));
  const wallMs = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(round + j) % variants.length];
      const s = sample(v, reps[v.name]);
      cpuMs[v.name].push(s.cpuMs);
      wallMs[v.name].push(s.wallMs);
    }
    log(`round ${round + 1}/${rounds}`);
  }
  if (sink === 0.5) log('unreachable');
  return { reps, cpuMs, wallMs };
}

/** Calls per run, counted by a recorder (completed calls recorded during one run). */
export function countCalls(variant) {
  const before = variant.recorder.snapshot().total;
  sink += variant.run();
  return variant.recorder.snapshot().total - before;
}
