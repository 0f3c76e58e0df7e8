/**
 * Every variant of a workload is its own generated module file (own JIT feedback):
 *   base     the source as written;
 *   ideal    hand-shaped probe: 2 cached hrtime.bigint reads into a BigInt64Array ring (ideal-probe.mjs);
 *   traced   instrumentCode output, the real recorder installed and recording;
 *   dormant  instrumentCode output, the real recorder installed, started once, then stopped;
 * and, on request (BENCH_VARIANTS), diagnostics:
 *   absent   instrumentCode output with no runtime at all (the prologue's fallback handle);
 *   traced-<patch>[+<patch>], dormant-<patch>[+...]  with a simplified recorder copy (recorder-instances.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrumentCode } from '../dist/instrument/index.js';
import { hrtimeClock, wallClock } from '../dist/runtime/node-clock.js';
import { GLOBAL_NAME } from '../dist/runtime/probe-protocol.js';
import { toIdealProbes } from './ideal-probe.mjs';
import { loadCreateRecorder, RECORDER_PATCHES } from './recorder-instances.mjs';

export const CORE_VARIANTS = ['base', 'ideal', 'traced', 'dormant'];

function parseVariant(name) {
  if (name === 'base' || name === 'ideal') return { code: name };
  if (name === 'absent') return { code: 'instrumented' };
  const [mode, patchList] = name.split(/-(.*)/s);
  if (mode === 'traced' || mode === 'dormant') {
    const patches = patchList ? patchList.split('+') : [];
    if (patches.every((p) => p in RECORDER_PATCHES)) {
      return { code: 'instrumented', recorder: mode === 'traced' ? 'recording' : 'stopped', patches };
    }
  }
  const patches = Object.keys(RECORDER_PATCHES).join('|');
  throw new Error(`unknown variant "${name}"; known: ${CORE_VARIANTS.join(', ')}, absent, (traced|dormant)-<${patches}>[+...]`);
}

/** Validates names early (before any workload runs). */
export function checkVariantNames(names) {
  for (const n of names) parseVariant(n);
}

/**
 * Writes and imports the variants of `workload` into `dir`; each has run() (one workload run) and,
 * when it has one, its recorder. The first run() happens here: it registers the module.
 */
export async function buildVariants(workload, names, dir, recorderOptions = {}) {
  const file = path.join(dir, `${workload.name}.mjs`);
  const source = workload.source();
  const inst = instrumentCode(source, { filename: file, root: dir, sourceKind: 'module', sourceMap: false });
  if (!inst.instrumented || inst.warnings.length > 0) {
    throw new Error(`${workload.name}: not instrumented ${inst.warnings.join('; ')}`);
  }
  fs.writeFileSync(file, source); // the original, for file_info when a trace is saved
  const code = { base: source, instrumented: inst.code, ideal: null };
  const g = globalThis;
  const variants = [];
  for (const name of names) {
    const spec = parseVariant(name);
    if (spec.code === 'ideal') code.ideal ??= toIdealProbes(inst.code);
    const out = path.join(dir, `${workload.name}-${name.replace(/\W/g, '_')}.mjs`);
    fs.writeFileSync(out, code[spec.code]);
    let recorder;
    if (spec.recorder) {
      const createRecorder = await loadCreateRecorder(`${workload.name}-${name}`, spec.patches, dir);
      recorder = createRecorder({ clock: hrtimeClock, wallClock, ...recorderOptions });
      recorder.start();
      if (spec.recorder === 'stopped') recorder.stop();
    }
    // Registration happens at the module's first probe (import time for acorn), so the global is
    // set only while this variant is imported and first run.
    if (recorder) g[GLOBAL_NAME] = recorder;
    else delete g[GLOBAL_NAME];
    try {
      const mod = await import(pathToFileURL(out).href);
      mod.run();
      variants.push({ name, run: mod.run, recorder, functions: inst.sites.length });
    } finally {
      delete g[GLOBAL_NAME];
    }
  }
  return variants;
}
