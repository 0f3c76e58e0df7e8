import { describe, expect, it } from 'vitest';
import { buildCallTrees } from '../../viewer/model/call-trees.js';
import { selfTime } from '../../viewer/model/self-time.js';
import { statsRows } from '../../viewer/model/stats-rows.js';
import { argsOf, load, shape, x } from './helpers.js';

const META = [
  { ph: 'M', name: 'process_name', pid: 1, tid: 1, args: { name: 'node app.ts' } },
  { ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: { name: 'MainThread' } },
  { ph: 'M', name: 'thread_name', pid: 1, tid: 7, args: { name: 'worker 1' } },
];

describe('loadTrace', () => {
  it('nests X events written in end order (as our writer does) and names tracks from M events', () => {
    const m = load({
      traceEvents: [...META, x('leaf', 12, 3), x('mid', 11, 6), x('root', 10, 20), x('w', 15, 1, 7)],
      viztracer_metadata: { overflow: false },
      file_info: { files: { 'a.ts': ['function root() {}\n', 1] }, functions: { root: ['a.ts', 1] } },
    });
    expect(m.tracks.map((t) => [t.processName, t.name, t.sliceCount, t.levelCount])).toEqual([
      ['node app.ts', 'MainThread', 3, 3],
      ['node app.ts', 'worker 1', 1, 1],
    ]);
    expect(shape(m)).toEqual(['root@0', 'mid@1', 'leaf@2']);
    expect(m.origin).toBe(10);
    expect(m.span).toBe(20);
    expect(m.warnings).toEqual([]);
    expect(m.fileInfo?.functions['root']).toEqual(['a.ts', 1]);
    const i = Array.from(m.name).indexOf(m.names.indexOf('root'));
    expect(selfTime(m, i)).toBe(14);
  });

  it('keeps a parent before its child when both start at the same µs', () => {
    const m = load([x('child', 5, 2), x('parent', 5, 4)]);
    expect(shape(m)).toEqual(['parent@0', 'child@1']);
  });

  it('counts recursion once in the total and splits self time', () => {
    const m = load([x('fib', 0, 10), x('fib', 1, 5), x('fib', 2, 1), x('other', 6, 2)]);
    const rows = statsRows(m);
    const fib = rows.find((r) => r.name === 'fib')!;
    expect(fib).toMatchObject({ calls: 3, total: 10, self: 8, max: 10 });
    expect(rows.find((r) => r.name === 'other')).toMatchObject({ calls: 1, total: 2, self: 2 });
  });

  it('pairs B/E, keeps instants, counters, flows and object snapshots', () => {
    const m = load({
      traceEvents: [
        { ph: 'B', name: 'outer', pid: 1, tid: 1, ts: 0 },
        { ph: 'B', name: 'inner', pid: 1, tid: 1, ts: 1 },
        { ph: 'E', pid: 1, tid: 1, ts: 3 },
        { ph: 'E', pid: 1, tid: 1, ts: 9 },
        { ph: 'i', name: 'tick', pid: 1, tid: 1, ts: 2, s: 't' },
        { ph: 'C', name: 'heap', pid: 1, ts: 0, args: { used: 10, total: 20 } },
        { ph: 'C', name: 'heap', pid: 1, ts: 5, args: { used: 15, total: 20 } },
        { ph: 's', id: 1, name: 'f', pid: 1, tid: 1, ts: 1 },
        { ph: 'f', id: 1, name: 'f', pid: 1, tid: 2, ts: 4, bp: 'e' },
        { ph: 'O', id: '0x1', name: 'obj', pid: 1, tid: 1, ts: 4 },
      ],
    });
    expect(shape(m)).toEqual(['outer@0', 'inner@1']);
    expect(Array.from(m.dur).sort()).toEqual([2, 9]);
    expect(m.instants.ts.length).toBe(1);
    expect(m.counters.map((c) => [c.name, Array.from(c.value)])).toEqual([
      ['used', [10, 15]],
      ['total', [20, 20]],
    ]);
    // One counter track per name and process, a series per arg key.
    expect(m.tracks.filter((t) => t.kind === 'counter').map((t) => [t.name, t.series])).toEqual([['heap', [0, 1]]]);
    expect(m.flows.fromTs.length).toBe(1);
    expect(m.objects).toEqual([{ name: 'obj', ph: 'O', ts: 4, id: '0x1', process: 'Process 1', argsRef: -1 }]);
  });

  it('puts async b/e spans on their own track', () => {
    const m = load([
      { ph: 'b', cat: 'task', id: '0x5', name: 'fetch', pid: 1, ts: 0 },
      { ph: 'e', cat: 'task', id: '0x5', name: 'fetch', pid: 1, ts: 8 },
      x('main', 1, 2),
    ]);
    expect(m.tracks.map((t) => [t.kind, t.sliceCount])).toEqual([
      ['thread', 1],
      ['async', 1],
    ]);
  });

  it('accepts string pids/tids, escaped names and unicode', () => {
    const m = load('{"traceEvents":[{"ph":"X","pid":"renderer","tid":"main","name":"a\\"b \\u00e9","ts":1,"dur":2},{"ph":"X","pid":"renderer","tid":"main","name":"a\\"b é","ts":4,"dur":1}]}');
    expect(m.names.filter((n) => n.startsWith('a'))).toEqual(['a"b é']);
    expect(m.tracks[0]).toMatchObject({ pid: 'renderer', tid: 'main', sliceCount: 2 });
  });

  it('keeps args text, including args.unfinished', () => {
    const m = load([{ ...x('open', 0, 5), args: { unfinished: true } }, { ...x('empty', 6, 1), args: {} }]);
    expect(argsOf(m, 0)).toEqual({ unfinished: true });
    expect(m.argsRef[1]).toBe(-1);
  });

  it('builds per-thread and merged call trees', () => {
    const m = load([x('a', 0, 4, 1), x('b', 1, 1, 1), x('a', 0, 6, 2), x('b', 1, 2, 2)]);
    const trees = buildCallTrees(m);
    const t = trees.all;
    const a = t.firstChild[0]!;
    expect(m.names[t.name[a]!]).toBe('a');
    expect(t.total[a]).toBe(10);
    expect(t.total[0]).toBe(10);
    const b = t.firstChild[a]!;
    expect([m.names[t.name[b]!], t.total[b], t.count[b]]).toEqual(['b', 3, 2]);
    const threads = [];
    for (let c = trees.byThread.firstChild[0]!; c >= 0; c = trees.byThread.nextSibling[c]!) threads.push(trees.byThread.total[c]);
    expect(threads).toEqual([6, 4]);
  });
});
