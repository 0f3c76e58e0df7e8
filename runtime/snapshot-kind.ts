/**
 * Which logged objects value-snapshot.ts copies, and the class name it shows for them. Found
 * without running program code: the prototype chain is walked once per prototype (cached) and
 * never through a proxy; kinds with internal slots (Map, Date, typed arrays, errors, boxed
 * primitives, ...) are left to the full safe repr, which reads them through brand checks.
 */
import { protoClassName } from './safe-repr-names.js';
import { getPrototypeOf, isArray, isView, objectPrototype } from './safe-builtins.js';

/** The kind of an array snapshot. */
export const ARRAY = 1;
/** A snapshot's kind: its class name ('' plain, null for no prototype) or ARRAY. */
export type Kind = string | null | typeof ARRAY;

const BUILTIN_KINDS: readonly object[] = [
  Date.prototype, RegExp.prototype, Map.prototype, Set.prototype, WeakMap.prototype, WeakSet.prototype,
  ArrayBuffer.prototype, DataView.prototype, Error.prototype, Number.prototype, String.prototype,
  Boolean.prototype, Symbol.prototype, BigInt.prototype, Function.prototype,
  getPrototypeOf(Int8Array.prototype) as object,
  ...(typeof SharedArrayBuffer === 'function' ? [SharedArrayBuffer.prototype] : []),
];
/** Prototype chains longer than this are not walked (such an object takes the full repr). */
const MAX_CHAIN = 64;

export interface SnapshotKinds {
  /** A logged object's kind, or false when it takes the full repr (a proxy, a built-in kind). */
  kindOf(o: object): Kind | false;
  /** A nested value's kind when it is plain data (an array, a plain object); false: shown by kind. */
  nestedKind(o: object): Kind | false;
}

export function createSnapshotKinds(isProxy: (value: object) => boolean): SnapshotKinds {
  // Class name per prototype ('' plain, false: a built-in kind), with the last one at hand.
  const names = new WeakMap<object, string | false>();
  let lastProto: object | undefined;
  let lastName: string | false = false;

  function nameOf(proto: object): string | false {
    if (proto === lastProto) return lastName;
    let name = names.get(proto);
    if (name === undefined) names.set(proto, (name = chainName(proto, isProxy)));
    lastProto = proto;
    lastName = name;
    return name;
  }

  return {
    kindOf(o) {
      if (isProxy(o) || isView(o)) return false;
      if (isArray(o)) return ARRAY;
      const proto = getPrototypeOf(o);
      return proto === objectPrototype ? '' : proto === null ? null : nameOf(proto);
    },
    nestedKind(o) {
      if (isProxy(o)) return false;
      if (isArray(o)) return ARRAY;
      const proto = getPrototypeOf(o);
      return proto === objectPrototype ? '' : proto === null ? null : false;
    },
  };
}

/** The class name a snapshot shows for instances of `proto`, or false for a built-in kind. */
function chainName(proto: object, isProxy: (value: object) => boolean): string | false {
  let p: object | null = proto;
  for (let i = 0; p !== null; i++) {
    if (i === MAX_CHAIN || isProxy(p)) return false;
    for (let k = 0; k < BUILTIN_KINDS.length; k++) if (p === BUILTIN_KINDS[k]) return false;
    p = getPrototypeOf(p);
  }
  const name = protoClassName(proto, isProxy);
  return name === 'Object' || typeof name !== 'string' ? '' : name;
}
