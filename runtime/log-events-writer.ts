/**
 * Writes one thread's log events (log ring: compile-time log sites and custom events), each
 * preceded by ",\n", streamed through the ByteWriter. Phases are chosen so the events load
 * (DESIGN.md §6, notes/peers-and-viewers.md §2.8): instants are `I` with a scope (DevTools'
 * trace engine ignores lowercase `i`), counters `C` with numeric args (Perfetto draws one track
 * per key; DevTools ignores them), objects `N`/`O`/`D` with an `id` (catapult only), custom
 * durations `X` with `dur`. Every event has integer pid and tid.
 */
import type { ByteWriter } from './byte-writer.js';
import { argJson } from './json-args.js';
import { CUSTOM_CATEGORY, INSTANT_CATEGORY, type CustomEvent } from './custom-event.js';
import { storedText } from './log-value.js';
import { SITE, type LogRingSnapshot } from './recorder-log-ring.js';
import type { LogSiteInfo } from './recorder-log-sites.js';
import type { SafeRepr } from './safe-repr.js';
import { usText } from './us-text.js';

/** The track GC slices go on (a pseudo thread of the process, named "GC"). */
export const GC_TID = 0x7ffffffe;


export function writeLogEvents(
  w: ByteWriter, logs: LogRingSnapshot, sites: LogSiteInfo | undefined, repr: SafeRepr, pid: number, tid: number,
): number {
  const where = `"pid":${pid},"tid":${tid}`;
  let count = 0;
  for (const seg of logs.segments) {
    for (let i = seg.from; i < seg.to; i++) {
      const ts = usText(logs.times[i]!);
      let text: string | undefined;
      if (logs.kinds[i] === SITE) {
        text = siteEvent(logs.sites[i]!, logs.values[i], sites, repr, where, ts);
      } else {
        const event = logs.values[i] as CustomEvent;
        text = customEvent(event, pid, tid, ts, logs.ends[i]! - logs.times[i]!);
      }
      if (text === undefined) continue;
      w.text(`,\n${text}`);
      count++;
    }
  }
  return count;
}

const instant = (where: string, ts: string, name: string, args: string | undefined, scope = 't'): string =>
  `{"ph":"I","cat":"${INSTANT_CATEGORY}","s":"${scope}",${where},"ts":${ts},"name":${JSON.stringify(name)}${args === undefined ? '' : `,"args":${args}`}}`;

function siteEvent(site: number, value: unknown, sites: LogSiteInfo | undefined, repr: SafeRepr, where: string, ts: string): string | undefined {
  const kind = sites?.kinds[site];
  const text = sites?.texts[site] ?? '?';
  const object = (): string => `{"object":${JSON.stringify(storedText(value, repr))}}`;
  switch (kind) {
    case 'var': return instant(where, ts, `Variable Assign - ${text}`, object());
    case 'attr': return instant(where, ts, `Attribute Assign - ${text}`, object());
    case 'entry': return instant(where, ts, `Function Entry - ${text}`, undefined);
    case 'exception': return instant(where, ts, `Exception - ${storedText(value, repr)}`, undefined);
    case 'number': {
      const n = typeof value === 'bigint' ? value.toString() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
      if (n === undefined) return undefined; // NaN and ±Infinity have no JSON form
      const name = JSON.stringify(`Variable Assign - ${text}`);
      return `{"ph":"C",${where},"ts":${ts},"name":${name},"args":{${JSON.stringify(text)}:${n}}}`;
    }
    default: return undefined;
  }
}

function customEvent(e: CustomEvent, pid: number, tid: number, ts: string, durNs: bigint): string {
  const name = JSON.stringify(e.name);
  const args = e.args === undefined ? '' : `,"args":${argJson(e.args)}`;
  switch (e.ph) {
    case 'I':
      return `{"ph":"I","cat":"${INSTANT_CATEGORY}","s":"${e.scope}","pid":${pid},"tid":${tid},"ts":${ts},"name":${name}${args}}`;
    case 'C':
      return `{"ph":"C","pid":${pid},"tid":${tid},"ts":${ts},"name":${name}${args}}`;
    case 'N':
    case 'O':
    case 'D':
      return `{"ph":"${e.ph}","cat":"OBJECT","id":${JSON.stringify(e.id)},"pid":${pid},"tid":${tid},"ts":${ts},"name":${name}${args}}`;
    case 'X': {
      const onTid = e.track === 'gc' ? GC_TID : tid;
      const cat = JSON.stringify(e.cat || CUSTOM_CATEGORY);
      return `{"ph":"X","cat":${cat},"pid":${pid},"tid":${onTid},"ts":${ts},"dur":${usText(durNs)},"name":${name}${args}}`;
    }
  }
}
