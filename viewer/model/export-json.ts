/**
 * TraceModel → Chrome-trace JSON text, for "Open in Perfetto" when the page only has the binary
 * (a standalone report): names, slices with args, instants, counters, flows, object events,
 * viztracer_metadata and file_info. Written in chunks of about 1 MB, never as one string (V8
 * strings stop at ~512 MB).
 */
import { argsText } from './args-table.js';
import type { TraceModel } from './trace-model.js';

export function exportJson(m: TraceModel): string[] {
  const parts: string[] = [];
  let buf = '{"traceEvents":[\n';
  let first = true;
  const emit = (event: string): void => {
    buf += first ? event : `,\n${event}`;
    first = false;
    if (buf.length > 1 << 20) {
      parts.push(buf);
      buf = '';
    }
  };
  const q = JSON.stringify;
  const ts = (rel: number): string => String(Math.round((m.origin + rel) * 1000) / 1000);
  const ids = (t: number): string => {
    const tr = m.tracks[t]!;
    return `"pid":${q(tr.pid)},"tid":${q(tr.kind === 'async' ? t : tr.tid)}`;
  };
  const args = (ref: number): string => (ref < 0 ? '' : `,"args":${argsText(m.args, ref)}`);
  const named = new Set<string>();
  m.tracks.forEach((t, i) => {
    if (!named.has(String(t.pid))) emit(`{"ph":"M","name":"process_name",${ids(i)},"args":{"name":${q(t.processName)}}}`);
    named.add(String(t.pid));
    if (t.kind !== 'counter') emit(`{"ph":"M","name":"thread_name",${ids(i)},"args":{"name":${q(t.name)}}}`);
  });
  for (let i = 0; i < m.start.length; i++) {
    emit(`{"ph":"X","name":${q(m.names[m.name[i]!])},${ids(m.track[i]!)},"ts":${ts(m.start[i]!)},"dur":${Math.round(m.dur[i]! * 1000) / 1000}${args(m.argsRef[i]!)}}`);
  }
  const inst = m.instants;
  for (let k = 0; k < inst.ts.length; k++) {
    emit(`{"ph":"i","s":"${String.fromCharCode(inst.scope[k]!)}","name":${q(m.names[inst.name[k]!])},${ids(inst.track[k]!)},"ts":${ts(inst.ts[k]!)}${args(inst.argsRef[k]!)}}`);
  }
  for (const c of m.counters) {
    const name = q(m.tracks[c.track]!.name);
    for (let k = 0; k < c.ts.length; k++) emit(`{"ph":"C","name":${name},${ids(c.track)},"ts":${ts(c.ts[k]!)},"args":{${q(c.name)}:${c.value[k]}}}`);
  }
  const f = m.flows;
  for (let k = 0; k < f.fromTs.length; k++) {
    const name = q(m.names[f.name[k]!] ?? 'flow');
    emit(`{"ph":"s","id":${k + 1},"name":${name},"cat":"flow",${ids(f.fromTrack[k]!)},"ts":${ts(f.fromTs[k]!)}}`);
    emit(`{"ph":"f","bp":"e","id":${k + 1},"name":${name},"cat":"flow",${ids(f.toTrack[k]!)},"ts":${ts(f.toTs[k]!)}}`);
  }
  for (const o of m.objects) emit(`{"ph":"${o.ph}","name":${q(o.name)},"id":${q(o.id)},"pid":0,"tid":0,"ts":${ts(o.ts)}${args(o.argsRef)}}`);
  buf += `\n],\n"viztracer_metadata":${q(m.metadata ?? {})},\n"file_info":${q(m.fileInfo ?? { files: {}, functions: {} })}}\n`;
  parts.push(buf);
  return parts;
}
