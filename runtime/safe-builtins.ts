/**
 * Builtins captured when the runtime loads, before any program code runs. Logging happens inside
 * program code, by which time the program may have replaced globals, patched prototypes
 * (Map.prototype.entries, Array.prototype.push) or put setters on Object.prototype. Calling the
 * captured originals through the captured `apply` never runs program code; reading a property
 * through `dataValue` never runs a getter. No imports: this runs in browsers and workers too.
 */

export const apply = Reflect.apply;
export const ownKeys = Reflect.ownKeys;
export const getPrototypeOf = Reflect.getPrototypeOf;
export const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
export const defineProperty = Reflect.defineProperty;
export const hasOwn = Object.hasOwn;
export const isArray = Array.isArray;
export const isView = ArrayBuffer.isView;
export const toStringOf = String;
export const stringify = JSON.stringify;
export const keysOf = Object.keys;
/** Own or inherited accessor's getter / setter, found through descriptors (no allocation, no call). */
export const lookupGetter = (Object.prototype as { __lookupGetter__(key: PropertyKey): unknown }).__lookupGetter__;
export const lookupSetter = (Object.prototype as { __lookupSetter__(key: PropertyKey): unknown }).__lookupSetter__;

const getter = (proto: object, key: PropertyKey): ((this: unknown) => unknown) =>
  getOwnPropertyDescriptor(proto, key)!.get as (this: unknown) => unknown;

const typedArrayProto = getPrototypeOf(Int8Array.prototype) as object;
export const typedArrayLength = getter(typedArrayProto, 'length');
export const typedArrayTag = getter(typedArrayProto, Symbol.toStringTag);
export const arrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
export const mapSize = getter(Map.prototype, 'size');
export const setSize = getter(Set.prototype, 'size');
export const mapEntries = Map.prototype.entries;
export const setValues = Set.prototype.values;
export const mapIteratorNext = (getPrototypeOf(new Map().entries()) as { next: () => unknown }).next;
export const setIteratorNext = (getPrototypeOf(new Set().values()) as { next: () => unknown }).next;
export const weakMapHas = WeakMap.prototype.has;
export const weakSetHas = WeakSet.prototype.has;
export const dateGetTime = Date.prototype.getTime;
export const dateToISOString = Date.prototype.toISOString;
export const regExpSource = getter(RegExp.prototype, 'source');
/** Each flag getter reads the internal [[OriginalFlags]] slot (the `flags` getter would Get properties). */
export const regExpFlagGetters: readonly (readonly [string, (this: unknown) => unknown])[] = [
  ['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'], ['multiline', 'm'], ['dotAll', 's'],
  ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y'],
].filter(([key]) => getOwnPropertyDescriptor(RegExp.prototype, key!) !== undefined)
  .map(([key, flag]) => [flag!, getter(RegExp.prototype, key!)] as const);
export const symbolToString = Symbol.prototype.toString;
export const functionToString = Function.prototype.toString;
export const errorPrototype = Error.prototype;
export const objectPrototype = Object.prototype;

/** A property read that never runs a getter: the own data value, or GETTER / ABSENT. */
export const GETTER: unique symbol = Symbol('getter');
export const ABSENT: unique symbol = Symbol('absent');

export function dataValue(o: object, key: PropertyKey): unknown {
  const d = getOwnPropertyDescriptor(o, key);
  if (d === undefined) return ABSENT;
  // Read fields only after hasOwn: an absent field would be looked up on Object.prototype.
  return hasOwn(d, 'value') ? d.value : GETTER;
}

/**
 * Appends without `push` (which a program may replace) and without index setters on prototypes.
 * The descriptor has no prototype: an inherited `get` or `value` on Object.prototype would
 * otherwise be read by defineProperty (running program code or throwing).
 */
export function append<T>(list: T[], value: T): void {
  defineProperty(list, list.length, { __proto__: null, value, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
}

const ArrayCtor = Array;
const fill = Array.prototype.fill;

/**
 * An array of `n` own `undefined` slots, so later `a[i] = v` stores never reach a prototype
 * (a hole would look up an index accessor a program put on Array.prototype or Object.prototype).
 */
export function ownedArray<T>(n: number): (T | undefined)[] {
  const a = new ArrayCtor<T | undefined>(n);
  if (!hasIndexKeys(ArrayCtor.prototype) && !hasIndexKeys(objectPrototype)) {
    apply(fill, a, [undefined]);
    return a;
  }
  for (let i = 0; i < n; i++) defineProperty(a, i, { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  return a;
}

function hasIndexKeys(o: object): boolean {
  const keys = ownKeys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k === 'string' && k.length > 0 && k[0]! >= '0' && k[0]! <= '9') return true;
  }
  return false;
}
