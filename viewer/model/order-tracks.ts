/**
 * Track order and names: processes by sort index then pid; in each, the main thread (tid = pid)
 * first, then threads by sort index / tid, then async tracks, then counters.
 */
import type { RawTrace } from './raw-trace.js';
import type { TrackInfo } from './trace-model.js';

const KIND_ORDER = { thread: 0, async: 1, counter: 2 } as const;

/** Returns the ordered tracks and, per raw track index, its new index. */
export function orderTracks(raw: RawTrace): { tracks: TrackInfo[]; remap: Int32Array } {
  const show = (v: number): number | string => (v < 0 ? raw.strings.names[-1 - v]! : v);
  const order = raw.tracks.map((_, i) => i);
  const num = (v: number): number => (v < 0 ? 1e15 - v : v);
  order.sort((ia, ib) => {
    const a = raw.tracks[ia]!;
    const b = raw.tracks[ib]!;
    const pa = raw.sortIndex.get(`${a.pid}`) ?? 0;
    const pb = raw.sortIndex.get(`${b.pid}`) ?? 0;
    if (pa !== pb) return pa - pb;
    if (a.pid !== b.pid) return num(a.pid) - num(b.pid);
    if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    const ta = raw.sortIndex.get(`${a.pid}|${a.tid}`) ?? 0;
    const tb = raw.sortIndex.get(`${b.pid}|${b.tid}`) ?? 0;
    if (ta !== tb) return ta - tb;
    if ((a.tid === a.pid) !== (b.tid === b.pid)) return a.tid === a.pid ? -1 : 1;
    if (a.tid !== b.tid) return num(a.tid) - num(b.tid);
    return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
  });
  const remap = new Int32Array(raw.tracks.length);
  const tracks = order.map((i, n): TrackInfo => {
    remap[i] = n;
    const t = raw.tracks[i]!;
    const processName = processNameOf(raw, t.pid);
    let name: string;
    if (t.kind === 'thread') name = raw.threadNames.get(`${t.pid}|${t.tid}`) ?? (t.tid === t.pid ? 'Main thread' : `Thread ${show(t.tid)}`);
    else if (t.kind === 'counter') name = t.label;
    else name = `async ${t.label}`;
    return { name, processName, pid: show(t.pid), tid: show(t.tid), kind: t.kind, sliceCount: 0, levelCount: 0, levelBase: 0, series: [], instantBase: 0, instantCount: 0 };
  });
  return { tracks, remap };
}

/** M process_name of `pid`, or "Process <pid>". */
export function processNameOf(raw: RawTrace, pid: number): string {
  return raw.processNames.get(pid) ?? `Process ${pid < 0 ? raw.strings.names[-1 - pid]! : pid}`;
}
