/** Builds trace bytes and models for the viewer's model tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { argsText } from '../../viewer/model/args-table.js';
import { loadTrace } from '../../viewer/model/load-trace.js';
import type { TraceModel } from '../../viewer/model/trace-model.js';

/** fixtures/traces/event-kinds.json: every event kind the viewer draws (see its README). */
export const EVENT_KINDS = fileURLToPath(new URL('../../fixtures/traces/event-kinds.json', import.meta.url));

export function eventKindsText(): string {
  return readFileSync(EVENT_KINDS, 'utf8');
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function load(trace: unknown): TraceModel {
  return loadTrace(bytes(typeof trace === 'string' ? trace : JSON.stringify(trace)));
}

export function x(name: string, ts: number, dur: number, tid = 1, pid = 1): Record<string, unknown> {
  return { ph: 'X', cat: 'FEE', pid, tid, name, ts, dur };
}

/** Slices as "name@depth" sorted by start, for readable asserts. */
export function shape(m: TraceModel, track = 0): string[] {
  const out: [number, string][] = [];
  for (let i = 0; i < m.start.length; i++) if (m.track[i] === track) out.push([m.start[i]! * 1e6 + m.depth[i]!, `${m.names[m.name[i]!]}@${m.depth[i]}`]);
  return out.sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** Slice i's args, parsed. */
export function argsOf(m: TraceModel, i: number): unknown {
  const ref = m.argsRef[i]!;
  return ref < 0 ? null : JSON.parse(argsText(m.args, ref));
}

/** Well-nested random X events over 3 threads, shuffled (times in whole ns, as our writer rounds). */
export function randomTrace(seed: number, n: number): Record<string, unknown>[] {
  let s = seed;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: Record<string, unknown>[] = [];
  const grow = (start: number, end: number, depth: number, tid: number): void => {
    let t = start;
    while (out.length < n && t < end - 1 && depth < 12) {
      const a = Math.round((t + rnd() * (end - t) * 0.3) * 1000) / 1000;
      const b = Math.min(end, Math.round((a + 1 + rnd() * (end - a) * 0.6) * 1000) / 1000);
      out.push(x(`f${Math.floor(rnd() * 8)}`, a, Number((b - a).toFixed(3)), tid));
      if (rnd() < 0.7) grow(a, b, depth + 1, tid);
      t = b;
    }
  };
  for (let tid = 1; tid <= 3; tid++) grow(0, 1e6, 0, tid);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
