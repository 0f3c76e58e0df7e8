/**
 * The model of fixtures/traces/event-kinds.json (every event kind the runtime writes): call args,
 * instants by scope, one counter track per name with a series per key, a flow bound to the slices
 * it joins, object events with their snapshot.
 */
import { describe, expect, it } from 'vitest';
import { argsText } from '../../viewer/model/args-table.js';
import { exportJson } from '../../viewer/model/export-json.js';
import { argsOf, eventKindsText, load } from './helpers.js';

describe('event kinds', () => {
  const m = load(eventKindsText());
  const slice = (name: string): number => Array.from(m.name).findIndex((id) => m.names[id] === name);

  it('keeps the args of calls and custom events', () => {
    expect(argsOf(m, slice('add (src/app.ts:8)'))).toEqual({ func_args: { a: '1', b: '2' }, return_value: '3' });
    expect(argsOf(m, slice('post (src/app.ts:12)'))).toEqual({ func_args: { value: '3' }, exec_steps: ['(13) message = { value: 3 }'] });
    expect(argsOf(m, slice('handle batch'))).toEqual({ items: 4 });
    expect(m.warnings).toEqual([]);
  });

  it('puts instants on their track by scope, sorted, with args', () => {
    const rows = Array.from(m.instants.ts, (ts, k) => [m.names[m.instants.name[k]!], m.tracks[m.instants.track[k]!]!.name, String.fromCharCode(m.instants.scope[k]!), ts]);
    expect(rows).toEqual([
      ['Variable Assign - sum', 'MainThread', 't', 40.5],
      ['gc start', 'MainThread', 'p', 120],
      ['navigation', 'MainThread', 'g', 150],
    ]);
    expect(JSON.parse(argsText(m.args, m.instants.argsRef[0]!))).toEqual({ object: '3' });
    const main = m.tracks.find((t) => t.name === 'MainThread')!;
    expect([main.instantBase, main.instantCount]).toEqual([0, 3]);
  });

  it('draws one counter track per counter name, one series per key', () => {
    const counters = m.tracks.filter((t) => t.kind === 'counter').map((t) => [t.name, t.series.map((s) => m.counters[s]!.name)]);
    expect(counters).toEqual([
      ['Variable Assign - queue', ['queue']],
      ['memory', ['heapUsed', 'rss']],
    ]);
    const heap = m.counters.find((c) => c.name === 'heapUsed')!;
    expect([Array.from(heap.ts), Array.from(heap.value), heap.min, heap.max]).toEqual([[0, 100, 180], [1000, 3000, 2000], 1000, 3000]);
  });

  it('binds the flow to the slices it leaves and enters', () => {
    const f = m.flows;
    expect(f.fromTs.length).toBe(1);
    expect(m.names[f.name[0]!]).toBe('postMessage');
    expect(m.names[m.name[f.fromSlice[0]!]!]).toBe('post (src/app.ts:12)');
    expect(m.names[m.name[f.toSlice[0]!]!]).toBe('onMessage (src/worker.ts:2)');
  });

  it('lists object events with the snapshot', () => {
    expect(m.objects.map((o) => [o.name, o.ph, o.id, o.ts, o.process])).toEqual([
      ['Cache', 'N', '0x1', 5, 'node app.ts'],
      ['Cache', 'O', '0x1', 90, 'node app.ts'],
      ['Cache', 'D', '0x1', 190, 'node app.ts'],
    ]);
    expect(JSON.parse(argsText(m.args, m.objects[1]!.argsRef))).toEqual({ snapshot: { size: 2, keys: ['a', 'b'] } });
  });

  it('exports back to Chrome-trace JSON (Open in Perfetto from a report) that loads as the same trace', () => {
    const again = load(exportJson(m).join(''));
    for (const k of ['start', 'dur', 'name', 'depth', 'argsRef'] as const) expect(Array.from(again[k]).map((v, i) => (k === 'name' ? again.names[v] : v))).toEqual(Array.from(m[k]).map((v) => (k === 'name' ? m.names[v] : v)));
    expect(again.tracks.map((t) => [t.name, t.kind, t.sliceCount, t.instantCount, t.series.length])).toEqual(m.tracks.map((t) => [t.name, t.kind, t.sliceCount, t.instantCount, t.series.length]));
    expect(again.counters.map((c) => [c.name, Array.from(c.value)])).toEqual(m.counters.map((c) => [c.name, Array.from(c.value)]));
    expect([again.flows.fromSlice, again.flows.toSlice]).toEqual([m.flows.fromSlice, m.flows.toSlice]);
    expect(again.objects.map((o) => [o.name, o.ph, o.ts, o.id])).toEqual(m.objects.map((o) => [o.name, o.ph, o.ts, o.id]));
    expect(again.args).toEqual(m.args);
    expect(again.fileInfo).toEqual(m.fileInfo);
  });

  it('reports dropped log events from viztracer_metadata', () => {
    const dropped = load({ traceEvents: [], viztracer_metadata: { log_dropped: 12 } });
    expect(dropped.warnings.join(' ')).toMatch(/12 logged events .* were dropped/);
  });
});
