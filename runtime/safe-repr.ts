/**
 * Safe, bounded text for any logged value (variables, arguments, return values, thrown values).
 * Logging must never throw into the program and never change what it does, so a repr:
 * - runs no program code: no getters (own data properties are read through descriptors, accessors
 *   show as `[Getter]`), no toString / Symbol.toPrimitive / toJSON / inspect hooks, no proxy traps
 *   (a proxy is detected with `isProxy` where the platform has one: Node's util.types.isProxy;
 *   browsers have no trap-free test, so there a proxy is read like the object it poses as),
 *   and built-in kinds are recognised by brand checks (safe-repr-brands.ts);
 * - is bounded: about `limit` characters (a cut string or list ends with "… (length N)"; the
 *   whole text never exceeds limit + 32 characters plus an ellipsis),
 *   nesting depth MAX_DEPTH, cycles shown as `[Circular]`.
 * No imports beyond captured builtins: this runs in browsers and workers too.
 */
import { brandOf } from './safe-repr-brands.js';
import { className, errorText, isError } from './safe-repr-names.js';
import { clip, keyText, quoteCapped, isClassSource } from './safe-repr-text.js';
import { ObjectSnapshot } from './object-snapshot.js';
import { snapshotText } from './value-snapshot-text.js';
import {
  ABSENT, GETTER, apply, dataValue, functionToString, getOwnPropertyDescriptor,
  hasOwn, isArray, ownKeys, symbolToString, toStringOf,
} from './safe-builtins.js';

export interface SafeReprOptions {
  /** Longest text kept. @default 256 */
  limit?: number;
  /** A trap-free proxy test (Node: util.types.isProxy). @default none: proxies are not detected */
  isProxy?: (value: object) => boolean;
}

export type SafeRepr = (value: unknown) => string;

export const DEFAULT_REPR_LIMIT = 256;
const MAX_DEPTH = 3;
const SUFFIX_ROOM = 32;

interface Ctx {
  limit: number;
  isProxy: (value: object) => boolean;
  /** The objects being printed, outermost first (at most MAX_DEPTH: deeper ones are not entered). */
  seen: (object | undefined)[];
  top: number;
}

export function createSafeRepr(options: SafeReprOptions = {}): SafeRepr {
  const limit = options.limit ?? DEFAULT_REPR_LIMIT;
  const isProxy = options.isProxy ?? (() => false);
  return (value) => {
    // An array literal's slots are own properties: stores never reach a prototype setter.
    const ctx: Ctx = { limit, isProxy, seen: [undefined, undefined, undefined, undefined], top: 0 };
    try {
      // Room past the limit for the "… (length N)" a cut string or array ends with.
      return clip(repr(value, ctx, 0), limit + SUFFIX_ROOM);
    } catch {
      return '[unreadable]';
    }
  };
}

function repr(v: unknown, ctx: Ctx, depth: number): string {
  switch (typeof v) {
    case 'string': return quoteCapped(v, ctx.limit);
    case 'number': return v === 0 && 1 / v < 0 ? '-0' : toStringOf(v);
    case 'bigint': return `${toStringOf(v)}n`;
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return 'undefined';
    case 'symbol': return apply(symbolToString, v, []) as string;
    case 'function': return ctx.isProxy(v) ? '[Proxy]' : functionText(v);
    case 'object': return v === null ? 'null' : objectText(v, ctx, depth);
  }
  return '[unknown]';
}

function functionText(fn: object): string {
  const name = dataValue(fn, 'name');
  const shown = typeof name === 'string' && name !== '' ? name : '(anonymous)';
  let source = '';
  try {
    source = apply(functionToString, fn, []) as string;
  } catch {
    // not a real function
  }
  return isClassSource(source) ? `[class ${shown}]` : `[Function ${shown}]`;
}

function objectText(o: object, ctx: Ctx, depth: number): string {
  if (ctx.isProxy(o)) {
    try {
      isArray(o); // throws only for a revoked proxy, and runs no trap
      return '[Proxy]';
    } catch {
      return '[Revoked Proxy]';
    }
  }
  // A snapshot taken at log time (value-snapshot.ts): its nested values are shown by kind.
  if (o instanceof ObjectSnapshot) return snapshotText(o, (v) => repr(v, ctx, MAX_DEPTH), ctx.limit);
  const seen = ctx.seen;
  for (let i = 0; i < ctx.top; i++) if (seen[i] === o) return '[Circular]';
  if (depth >= MAX_DEPTH) return kindLabel(o, ctx);
  seen[ctx.top++] = o;
  try {
    return structureText(o, ctx, depth);
  } finally {
    seen[--ctx.top] = undefined;
  }
}

/** An object past the depth limit: `[Array]`, `[Node]`, `[Object]`. */
function kindLabel(o: object, ctx: Ctx): string {
  if (isArray(o)) return '[Array]';
  const name = className(o, ctx.isProxy);
  return name === null ? '[Object: null prototype]' : name === undefined ? '[Object]' : `[${name}]`;
}

function structureText(o: object, ctx: Ctx, depth: number): string {
  if (isArray(o)) return listText('', o, dataValue(o, 'length') as number, ctx, depth);
  const brand = brandOf(o, ctx.isProxy);
  switch (brand.kind) {
    case 'date':
    case 'regexp':
      return brand.text;
    case 'typed':
      return listText(`${brand.tag}(${brand.length}) `, o, brand.length, ctx, depth);
    case 'buffer':
      return `ArrayBuffer { byteLength: ${brand.byteLength} }`;
    case 'weak':
      return `${brand.tag} { <items unknown> }`;
    case 'map':
    case 'set': {
      const head = `${className(o, ctx.isProxy) ?? (brand.kind === 'map' ? 'Map' : 'Set')}(${brand.size}) {`;
      let out = head;
      for (let n = 0; ; n++) {
        const entry = brand.next();
        if (entry === undefined) break;
        if (out.length >= ctx.limit) return `${out}, …} (size ${brand.size})`;
        out += (n === 0 ? '' : ', ') + repr(entry[0], ctx, depth + 1);
        if (brand.kind === 'map') out += ` => ${repr(entry[1], ctx, depth + 1)}`;
      }
      return `${out}}`;
    }
    case 'other':
      break;
  }
  if (isError(o, ctx.isProxy)) return errorText(o);
  const name = className(o, ctx.isProxy);
  const body = propertiesText(o, ctx, depth);
  if (name === null) return `[Object: null prototype] ${body}`;
  return name === 'Object' || name === undefined ? body : `${name} ${body}`;
}

/** `[1, 2, <1 empty item>, …] (length N)`; elements read as own data properties only. */
function listText(head: string, o: object, length: number, ctx: Ctx, depth: number): string {
  let out = `${head}[`;
  let holes = 0;
  for (let i = 0; i < length; i++) {
    if (out.length >= ctx.limit) return `${out}${i === 0 ? '' : ', '}…] (length ${length})`;
    const v = dataValue(o, i);
    if (v === ABSENT) {
      holes++;
      continue;
    }
    if (holes > 0) out += `${out.length > head.length + 1 ? ', ' : ''}<${holes} empty item${holes > 1 ? 's' : ''}>`;
    holes = 0;
    out += (out.length > head.length + 1 ? ', ' : '') + (v === GETTER ? '[Getter]' : repr(v, ctx, depth + 1));
  }
  if (holes > 0) out += `${out.length > head.length + 1 ? ', ' : ''}<${holes} empty item${holes > 1 ? 's' : ''}>`;
  return `${out}]`;
}

function propertiesText(o: object, ctx: Ctx, depth: number): string {
  const keys = ownKeys(o);
  let out = '{';
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const d = getOwnPropertyDescriptor(o, key);
    if (d === undefined || d.enumerable !== true) continue;
    if (out.length >= ctx.limit) return `${out}, …}`;
    const label = typeof key === 'symbol' ? `[${apply(symbolToString, key, []) as string}]` : keyText(key);
    const value = hasOwn(d, 'value') ? repr(d.value, ctx, depth + 1) : accessorText(d);
    out += `${n++ === 0 ? '' : ', '}${label}: ${value}`;
  }
  return `${out}}`;
}

function accessorText(d: PropertyDescriptor): string {
  const get = hasOwn(d, 'get') && d.get !== undefined;
  const set = hasOwn(d, 'set') && d.set !== undefined;
  return get && set ? '[Getter/Setter]' : get ? '[Getter]' : '[Setter]';
}
