/**
 * A worker's log events and call args on their way to the page (browser-thread-data.ts): copied
 * out of the live rings into compact arrays a structured clone can carry. Values that a clone
 * cannot carry or would change are normalised first: a repr taken at log time (ReprText) travels
 * as `{text}` and becomes a ReprText again on the page; a symbol or an object snapshot (which holds
 * the worker's objects) travels as its repr.
 */
import type { CallArgs, ExecStep } from './recorder-call-args.js';
import type { LogRingSnapshot } from './recorder-log-ring.js';
import type { LogSiteInfo } from './recorder-log-sites.js';
import { ReprText } from './log-value.js';
import { createSafeRepr } from './safe-repr.js';
import { ObjectSnapshot } from './object-snapshot.js';

export interface ThreadLogs {
  kinds: Uint8Array;
  sites: Int32Array;
  times: BigInt64Array;
  ends: BigInt64Array;
  values: unknown[];
  total: number;
  dropped: number;
  sitesInfo: { kinds: string[]; texts: string[]; files: string[]; lines: number[] };
}

const repr = createSafeRepr();

function out(v: unknown): unknown {
  return typeof v === 'symbol' || v instanceof ObjectSnapshot ? new ReprText(repr(v)) : v;
}

function back(v: unknown): unknown {
  return typeof v === 'object' && v !== null && !(v instanceof ReprText) && typeof (v as { text?: unknown }).text === 'string'
    && Object.keys(v).length === 1 ? new ReprText((v as { text: string }).text) : v;
}

export function logsOut(logs: LogRingSnapshot, sites: LogSiteInfo | undefined): ThreadLogs {
  const n = logs.segments.reduce((sum, s) => sum + s.to - s.from, 0);
  const t: ThreadLogs = {
    kinds: new Uint8Array(n), sites: new Int32Array(n), times: new BigInt64Array(n), ends: new BigInt64Array(n), values: [],
    total: logs.total, dropped: logs.dropped,
    sitesInfo: { kinds: [...(sites?.kinds ?? [])], texts: [...(sites?.texts ?? [])], files: [...(sites?.files ?? [])], lines: [...(sites?.lines ?? [])] },
  };
  let at = 0;
  for (const s of logs.segments) {
    for (let i = s.from; i < s.to; i++, at++) {
      t.kinds[at] = logs.kinds[i]!;
      t.sites[at] = logs.sites[i]!;
      t.times[at] = logs.times[i]!;
      t.ends[at] = logs.ends[i]!;
      t.values.push(out(logs.values[i]));
    }
  }
  return t;
}

/** Back on the page, shifted by `shift` ns onto the page's clock. */
export function logsBack(t: ThreadLogs, shift: bigint): { logs: LogRingSnapshot; sites: LogSiteInfo } {
  for (let i = 0; i < t.times.length; i++) {
    t.times[i] = t.times[i]! + shift;
    t.ends[i] = t.ends[i]! + shift;
  }
  const n = t.kinds.length;
  return {
    logs: { ...t, values: t.values.map(back), segments: n > 0 ? [{ from: 0, to: n }] : [] },
    sites: t.sitesInfo as LogSiteInfo,
  };
}

export function argsOut(a: CallArgs): CallArgs {
  let exec: ExecStep | undefined;
  let last: ExecStep | undefined;
  for (let s = a.exec; s !== undefined; s = s.next) {
    const step = { site: s.site, value: out(s.value), next: undefined };
    if (last === undefined) exec = step;
    else last.next = step;
    last = step;
  }
  return { ...a, argValues: a.argValues?.map(out), returnValue: out(a.returnValue), exception: out(a.exception), exec, lastExec: last };
}

export function argsBack(a: CallArgs): CallArgs {
  for (let s = a.exec; s !== undefined; s = s.next) s.value = back(s.value);
  return { ...a, argValues: a.argValues?.map(back), returnValue: back(a.returnValue), exception: back(a.exception) };
}
