/**
 * Built-in object kinds recognised by their internal slots, never by properties a program controls:
 * each test calls a captured builtin that throws for the wrong kind (a brand check). A subclass,
 * a patched prototype or a fake `Symbol.toStringTag` cannot make safe-repr run program code.
 */
import {
  apply, arrayBufferByteLength, getPrototypeOf, dateGetTime, dateToISOString, isView, mapEntries, mapIteratorNext, mapSize,
  regExpFlagGetters, regExpSource, setIteratorNext, setSize, setValues, typedArrayLength, typedArrayTag,
  weakMapHas, weakSetHas,
} from './safe-builtins.js';

const FAIL: unique symbol = Symbol('fail');

function call(fn: (this: unknown, ...args: never[]) => unknown, self: unknown, args: unknown[] = []): unknown {
  try {
    return apply(fn, self, args);
  } catch {
    return FAIL;
  }
}

/** What safe-repr needs to render a built-in kind. */
export type Brand =
  | { kind: 'date'; text: string } // Date: ISO text or "Invalid Date"
  | { kind: 'regexp'; text: string } // RegExp: /source/flags
  | { kind: 'map'; size: number; next: () => readonly [unknown, unknown] | undefined } // Map: entries in order
  | { kind: 'set'; size: number; next: () => readonly [unknown] | undefined } // Set: values in order
  | { kind: 'typed'; tag: string; length: number } // Uint8Array & co. (elements read by index)
  | { kind: 'buffer'; byteLength: number } // ArrayBuffer
  | { kind: 'weak'; tag: string } // WeakMap / WeakSet: contents not observable
  | { kind: 'other' }; // an ordinary object (or a kind shown through its own properties)

const DATE = Date.prototype;
const REGEXP = RegExp.prototype;
const MAP = Map.prototype;
const SET = Set.prototype;
const BUFFER = ArrayBuffer.prototype;
const WEAK_MAP = WeakMap.prototype;
const WEAK_SET = WeakSet.prototype;
const OBJECT = Object.prototype;

/**
 * The built-in prototype on `o`'s chain, if any: only that kind's brand check then runs, because a
 * failed brand check throws, and an exception (with its stack trace) costs microseconds.
 */
function builtinProto(o: object, isProxy: (v: object) => boolean): object | undefined {
  let p = getPrototypeOf(o);
  for (let i = 0; p !== null && i < 64; i++) {
    if (p === OBJECT || isProxy(p)) return undefined;
    if (p === DATE || p === REGEXP || p === MAP || p === SET || p === BUFFER || p === WEAK_MAP || p === WEAK_SET) return p;
    p = getPrototypeOf(p);
  }
  return undefined;
}

export function brandOf(o: object, isProxy: (v: object) => boolean): Brand {
  if (isView(o)) {
    const tag = call(typedArrayTag, o);
    if (typeof tag === 'string') return { kind: 'typed', tag, length: call(typedArrayLength, o) as number };
    return { kind: 'other' }; // a DataView
  }
  const proto = builtinProto(o, isProxy);
  if (proto === undefined) return { kind: 'other' };
  const time = proto === DATE ? call(dateGetTime, o) : FAIL;
  if (time !== FAIL) {
    const iso = call(dateToISOString, o);
    return { kind: 'date', text: typeof iso === 'string' ? iso : 'Invalid Date' };
  }
  const source = proto === REGEXP ? call(regExpSource, o) : FAIL;
  if (typeof source === 'string') {
    let flags = '';
    // Index loops only: a for-of would call the (patchable) array iterator.
    for (let i = 0; i < regExpFlagGetters.length; i++) {
      const pair = regExpFlagGetters[i]!;
      if (call(pair[1], o) === true) flags += pair[0];
    }
    return { kind: 'regexp', text: `/${source}/${flags}` };
  }
  const mSize = proto === MAP ? call(mapSize, o) : FAIL;
  if (typeof mSize === 'number') {
    const it = call(mapEntries, o);
    return { kind: 'map', size: mSize, next: () => step(mapIteratorNext, it) as readonly [unknown, unknown] | undefined };
  }
  const sSize = proto === SET ? call(setSize, o) : FAIL;
  if (typeof sSize === 'number') {
    const it = call(setValues, o);
    return { kind: 'set', size: sSize, next: () => {
      const r = step(setIteratorNext, it);
      return r === undefined ? undefined : [r] as const;
    } };
  }
  const bytes = proto === BUFFER ? call(arrayBufferByteLength, o) : FAIL;
  if (typeof bytes === 'number') return { kind: 'buffer', byteLength: bytes };
  if (proto === WEAK_MAP && call(weakMapHas, o, [{}]) !== FAIL) return { kind: 'weak', tag: 'WeakMap' };
  if (proto === WEAK_SET && call(weakSetHas, o, [{}]) !== FAIL) return { kind: 'weak', tag: 'WeakSet' };
  return { kind: 'other' };
}

/** One step of a captured iterator; the result object is fresh, so its fields are own data. */
function step(next: (this: unknown) => unknown, it: unknown): unknown {
  const r = call(next, it) as { done?: boolean; value?: unknown } | typeof FAIL;
  if (r === FAIL || typeof r !== 'object' || r === null || r.done === true) return undefined;
  return r.value;
}
