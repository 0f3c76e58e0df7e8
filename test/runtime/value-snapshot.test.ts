/**
 * Object snapshots (value-snapshot.ts): what a logged object keeps from log time to save time.
 * Exact texts for a hostile corpus through both paths (call args: `capture`; the log ring: the
 * snapshot pool), no program code run while capturing, later mutations not seen, bounds, and
 * snapshots overwritten in a full pool reported as such.
 */
import { types } from 'node:util';
import { describe, expect, test } from 'vitest';
import { storedText } from '../../runtime/log-value.js';
import { createRecorder } from '../../runtime/recorder.js';
import { createSafeRepr } from '../../runtime/safe-repr.js';
import { createSlotPool } from '../../runtime/slot-pool.js';
import { createValueCapture } from '../../runtime/value-snapshot.js';
import { fakeClock } from './helpers.js';

let ran = '';
const mark = (what: string) => (): number => {
  ran += `${what};`;
  return 1;
};
const trapAll: ProxyHandler<object> = new Proxy({}, { get: (_t, trap) => () => { ran += `trap ${String(trap)};`; return undefined; } });

class Node {
  type = 'Identifier';
  start = 3;
  loc = { line: 1, column: 2 };
  parent: Node | undefined = undefined;
  get computed(): number { ran += 'class getter;'; return 1; }
}

function corpus(): Record<string, unknown> {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  const child = new Node();
  child.parent = new Node();
  return {
    node: child,
    cyclic,
    plainNesting: { a: { b: { c: 1 } }, list: [1, [2, 3], { d: 4 }] },
    getter: Object.defineProperty({ a: 1 }, 'b', { get: mark('getter'), enumerable: true }),
    setterOnly: Object.defineProperty({}, 's', { set: mark('setter'), enumerable: true }),
    nestedGetter: { inner: Object.defineProperty({}, 'g', { get: mark('nested getter'), enumerable: true }) },
    proxy: new Proxy({ a: 1 }, trapAll),
    nestedProxy: { p: new Proxy({ a: 1 }, trapAll), q: new Proxy([1], trapAll) },
    sparse: [1, , , 4], // eslint-disable-line no-sparse-arrays
    nullProto: Object.assign(Object.create(null) as object, { k: 'v' }),
    quotedKey: { 'a-b': 1, 2: 'two' },
    withFunction: { f: function named() {}, s: Symbol('s'), n: 10n, z: -0 },
    map: new Map([[1, { a: 2 }]]),
    error: new TypeError('bad'),
    typed: new Uint8Array([1, 2]),
  };
}

const expected: Record<string, string> = {
  node: 'Node {type: "Identifier", start: 3, loc: {line: 1, column: 2}, parent: [Node]}',
  cyclic: '{a: 1, self: {a: 1, self: [Object]}}',
  plainNesting: '{a: {b: [Object]}, list: [1, [Array], [Object]]}',
  getter: '{a: 1, b: [Getter]}',
  setterOnly: '{s: [Setter]}',
  nestedGetter: '{inner: {g: [Getter]}}',
  proxy: '[Proxy]',
  nestedProxy: '{p: [Proxy], q: [Proxy]}',
  sparse: '[1, <2 empty items>, 4]',
  nullProto: '[Object: null prototype] {k: "v"}',
  quotedKey: '{"2": "two", "a-b": 1}',
  withFunction: '{f: [Function named], s: Symbol(s), n: 10n, z: -0}',
  map: 'Map(1) {1 => {a: 2}}',
  error: 'TypeError: bad',
  typed: 'Uint8Array(2) [1, 2]',
};

describe('object snapshots', () => {
  const repr = createSafeRepr({ limit: 256, isProxy: types.isProxy });
  const capture = createValueCapture({ repr, limit: 256, isProxy: types.isProxy });

  test('each corpus value has its exact text through call args and through the pool, and no program code ran', () => {
    ran = '';
    const values = corpus();
    const pool = createSlotPool(1 << 16);
    const viaArgs: Record<string, string> = {};
    const viaPool: Record<string, string> = {};
    for (const key of Object.keys(expected)) {
      viaArgs[key] = storedText(capture.capture(values[key]), repr);
      const pos = capture.write(values[key] as object, pool);
      viaPool[key] = pos < 0 ? storedText(capture.capture(values[key]), repr) : repr(capture.read(pool, pos));
    }
    expect(viaArgs).toEqual(expected);
    expect(viaPool).toEqual(expected);
    expect(ran).toBe('');
  });

  test('a snapshot keeps the values of log time', () => {
    const o = { n: 1, list: [1, 2], inner: { s: 'a' } };
    const pool = createSlotPool(1 << 16);
    const pos = capture.write(o, pool);
    const kept = capture.capture(o);
    o.n = 2;
    o.list.push(3);
    o.inner.s = 'b';
    expect(repr(capture.read(pool, pos))).toBe('{n: 1, list: [1, 2], inner: {s: "a"}}');
    expect(repr(kept)).toBe('{n: 1, list: [1, 2], inner: {s: "a"}}');
  });

  test('big objects and arrays are cut at the limit and say their size; nesting is bounded', () => {
    const small = createSafeRepr({ limit: 40 });
    const cap = createValueCapture({ repr: small, limit: 40 });
    expect(small(cap.capture(Array.from({ length: 1000 }, (_, i) => i)))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …] (length 1000)');
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    expect(small(cap.capture(wide))).toMatch(/^\{k0: 0, k1: 1, .*, …\}$/);
    // Eight nested plain objects are opened; the ninth is shown by kind.
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`o${i}`, { i }]));
    expect(repr(capture.capture(many))).toBe(`{${Array.from({ length: 8 }, (_, i) => `o${i}: {i: ${i}}`).join(', ')}, o8: [Object]}`);
  });

  test('patched prototypes and index setters never run while capturing', () => {
    ran = '';
    Object.defineProperty(Object.prototype, '0', { set: mark('index setter'), get: mark('index getter'), configurable: true });
    Object.defineProperty(Array.prototype, '1', { set: mark('array setter'), get: mark('array getter'), configurable: true });
    let text = '';
    try {
      const pool = createSlotPool(1 << 16);
      const fresh = createValueCapture({ repr, limit: 256, isProxy: types.isProxy });
      const pos = fresh.write({ a: [7, , 9] }, pool); // eslint-disable-line no-sparse-arrays
      text = `${repr(fresh.read(pool, pos))} ${repr(fresh.capture({ b: [1, 2] }))}`;
    } finally {
      delete (Object.prototype as Record<string, unknown>)['0'];
      delete (Array.prototype as unknown as Record<string, unknown>)['1'];
    }
    expect(text).toBe('{a: [7, [Getter], 9]} {b: [1, 2]}');
    expect(ran).toBe('');
  });

  test('a recorder whose pool wrapped says which logged objects were overwritten', () => {
    const r = createRecorder({ clock: fakeClock(1_000_000n, 1_000n).clock, wallClock: () => 0n, tracerEntries: 4 });
    r.start();
    const h = r.register(['a.ts'], ['f', 0, 1, 1], ['var', 'x', 0, 2]) as { l(site: number, v: unknown): unknown };
    // 64 slots of pool for 4 ring entries: each object here takes 4 + 2 * 30 of them.
    for (let i = 0; i < 4; i++) h.l(0, Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`k${k}`, i])));
    const logs = r.snapshot().logs!;
    const texts = logs.values.slice(0, 4).map((v) => storedText(v, r.repr));
    expect(texts.slice(0, 3)).toEqual(Array(3).fill('[Object: snapshot overwritten]'));
    expect(texts[3]).toMatch(/^\{k0: 3, k1: 3, /);
  });
});
