/**
 * The hostile-value corpus: each value with its exact repr, and a tally of every piece of program
 * code the values could make a careless repr run (getters, proxy traps, toString, valueOf,
 * Symbol.toPrimitive, toJSON, inspect hooks, patched prototypes), which must stay at zero.
 */
import { types } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createSafeRepr } from '../../runtime/safe-repr.js';

// A string, not an array: the test patches Array.prototype.push and index setters too.
let ran = '';
const note = (what: string): void => {
  ran += `${what};`;
};
const mark = (what: string) => () => {
  note(what);
  return 1;
};
const trapAll: ProxyHandler<object> = new Proxy({}, { get: (_t, trap) => () => { note(`trap ${String(trap)}`); return undefined; } });

class Point {
  x = 1;
  y = 2;
  get sum(): number { note('class getter'); return 3; }
}
class Weird {
  static get name(): string { note('static name getter'); return 'Fake'; }
  a = 1;
}
class MyMap extends Map<unknown, unknown> {
  override entries(): never { note('subclass entries'); throw new Error('no'); }
  override get size(): number { note('subclass size'); return 0; }
}
class MyError extends Error {
  override name = 'MyError';
}

function hostile(): Record<string, unknown> {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const nullProto = Object.assign(Object.create(null) as object, { k: 'v' });
  const sparse = [1, , , 4]; // eslint-disable-line no-sparse-arrays
  return {
    cyclic,
    getter: Object.defineProperty({ a: 1 }, 'b', { get: mark('getter'), enumerable: true }),
    setterOnly: Object.defineProperty({}, 's', { set: mark('setter'), enumerable: true }),
    proxy: new Proxy({ a: 1 }, trapAll),
    proxyArray: new Proxy([1, 2], trapAll),
    proxyFunction: new Proxy(function f() {}, trapAll),
    revoked,
    throwingToString: { toString: mark('toString'), valueOf: mark('valueOf'), [Symbol.toPrimitive]: mark('toPrimitive'), toJSON: mark('toJSON') },
    inspectHook: { [Symbol.for('nodejs.util.inspect.custom')]: mark('inspect') },
    hugeString: 'x'.repeat(100_000),
    hugeArray: Array.from({ length: 100_000 }, (_, i) => i),
    point: new Point(),
    weird: new Weird(),
    map: new Map<unknown, unknown>([['a', 1], [{ k: 2 }, [3]]]),
    myMap: new MyMap([[1, 2]]),
    set: new Set([1, 'two']),
    symbol: Symbol('s'),
    bigint: 10n,
    negZero: -0,
    fn: function named() {},
    arrow: (() => () => 1)(),
    klass: Point,
    date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
    badDate: new Date(NaN),
    error: new TypeError('bad thing'),
    myError: new MyError('custom'),
    errorGetter: Object.defineProperty(new Error('m'), 'message', { get: mark('error message getter') }),
    typed: new Uint8Array([1, 2, 3]),
    buffer: new ArrayBuffer(8),
    regexp: /a+b/gi,
    nullProto,
    sparse,
    weakMap: new WeakMap(),
    nested: { a: { b: { c: { d: { e: 1 } } } } },
    fakeTag: { [Symbol.toStringTag]: 'Map', a: 1 },
    symbolKey: { [Symbol('k')]: 1 },
    quotedKey: { 'a-b': 1, 2: 'two' },
  };
}

const expected: Record<string, string> = {
  cyclic: '{a: 1, self: [Circular]}',
  getter: '{a: 1, b: [Getter]}',
  setterOnly: '{s: [Setter]}',
  proxy: '[Proxy]',
  proxyArray: '[Proxy]',
  proxyFunction: '[Proxy]',
  revoked: '[Revoked Proxy]',
  throwingToString: '{toString: [Function (anonymous)], valueOf: [Function (anonymous)], toJSON: [Function (anonymous)], [Symbol(Symbol.toPrimitive)]: [Function (anonymous)]}',
  inspectHook: '{[Symbol(nodejs.util.inspect.custom)]: [Function (anonymous)]}',
  point: 'Point {x: 1, y: 2}',
  weird: '{a: 1}',
  map: 'Map(2) {"a" => 1, {k: 2} => [3]}',
  myMap: 'MyMap(1) {1 => 2}',
  set: 'Set(2) {1, "two"}',
  symbol: 'Symbol(s)',
  bigint: '10n',
  negZero: '-0',
  fn: '[Function named]',
  arrow: '[Function (anonymous)]',
  klass: '[class Point]',
  date: '2024-01-02T03:04:05.006Z',
  badDate: 'Invalid Date',
  error: 'TypeError: bad thing',
  myError: 'MyError: custom',
  errorGetter: 'Error',
  typed: 'Uint8Array(3) [1, 2, 3]',
  buffer: 'ArrayBuffer { byteLength: 8 }',
  regexp: '/a+b/gi',
  nullProto: '[Object: null prototype] {k: "v"}',
  sparse: '[1, <2 empty items>, 4]',
  weakMap: 'WeakMap { <items unknown> }',
  nested: '{a: {b: {c: [Object]}}}',
  fakeTag: '{a: 1, [Symbol(Symbol.toStringTag)]: "Map"}',
  symbolKey: '{[Symbol(k)]: 1}',
  quotedKey: '{"2": "two", "a-b": 1}',
};

describe('safe repr', () => {
  const repr = createSafeRepr({ limit: 256, isProxy: types.isProxy });

  test('each hostile value has its exact repr, and no program code ran', () => {
    ran = '';
    const values = hostile();
    const got: Record<string, string> = {};
    for (const key of Object.keys(expected)) got[key] = repr(values[key]);
    expect(got).toEqual(expected);
    expect(ran).toBe('');
  });

  test('huge strings and arrays are cut at the limit and say their length', () => {
    const values = hostile();
    expect(repr(values['hugeString'])).toBe(`"${'x'.repeat(256)}"… (length 100000)`);
    const small = createSafeRepr({ limit: 16 });
    expect(small('x'.repeat(20))).toBe(`"${'x'.repeat(16)}"… (length 20)`);
    expect(small([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('[1, 2, 3, 4, 5, 6, …] (length 10)');
    expect(createSafeRepr({ limit: 40 })(Array.from({ length: 1000 }, (_, i) => i)))
      .toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …] (length 1000)');
    expect(repr(values['hugeArray'])).toMatch(/^\[0, 1, 2, .*, …\] \(length 100000\)$/);
    // Never more than limit + 32 characters and an ellipsis, however nested.
    const nested = Array.from({ length: 50 }, () => ['y'.repeat(300), { z: 'y'.repeat(300) }]);
    expect(small(nested).length).toBeLessThanOrEqual(16 + 32 + 1);
  });

  test('patched builtins and prototype setters never run', () => {
    ran = '';
    const withGetter = Object.defineProperty({}, 'q', { get: mark('g'), enumerable: true });
    const saved = { entries: Map.prototype.entries, push: Array.prototype.push, slice: String.prototype.slice };
    Map.prototype.entries = function () { note('patched entries'); return saved.entries.call(this); };
    Array.prototype.push = function (...a: unknown[]) { note('patched push'); return saved.push.apply(this, a); };
    String.prototype.slice = function (...a: [number?, number?]) { note('patched slice'); return saved.slice.apply(this, a); };
    Object.defineProperty(Object.prototype, '0', { set: mark('index setter'), get: mark('index getter'), configurable: true });
    Object.defineProperty(Object.prototype, 'value', { get: mark('value getter'), configurable: true });
    let out = '';
    try {
      out = repr({ m: new Map([[1, 2]]), s: 'x'.repeat(20), a: [[1]], g: withGetter, d: new Date(0) });
    } finally {
      Map.prototype.entries = saved.entries;
      Array.prototype.push = saved.push;
      String.prototype.slice = saved.slice;
      delete (Object.prototype as Record<string, unknown>)['0'];
      delete (Object.prototype as Record<string, unknown>)['value'];
    }
    expect(out).toBe(`{m: Map(1) {1 => 2}, s: "${'x'.repeat(20)}", a: [[1]], g: {q: [Getter]}, d: 1970-01-01T00:00:00.000Z}`);
    expect(ran).toBe('');
  });

  test('primitives', () => {
    expect([repr('a"b'), repr(1.5), repr(true), repr(null), repr(undefined), repr(NaN)]).toEqual(['"a\\"b"', '1.5', 'true', 'null', 'undefined', 'NaN']);
  });
});
