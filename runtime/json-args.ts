/**
 * Event args as plain data (null-prototype records of strings, numbers, booleans, nested records
 * and arrays), built from user values at log time and encoded to JSON by hand at save time: no
 * JSON.stringify of user objects, so no toJSON (own or on a patched Object.prototype) ever runs.
 */
import { dataValue, GETTER, ownKeys, getOwnPropertyDescriptor, hasOwn, defineProperty, toStringOf, stringify } from './safe-builtins.js';
import type { SafeRepr } from './safe-repr.js';

export type ArgValue = string | number | boolean | null | ArgRecord | readonly ArgValue[];
export interface ArgRecord {
  readonly [key: string]: ArgValue;
}

export function emptyRecord(): Record<string, ArgValue> {
  return { __proto__: null } as unknown as Record<string, ArgValue>;
}

export function setArg(record: Record<string, ArgValue>, key: string, value: ArgValue): void {
  defineProperty(record, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
}

/** A user's args object as plain data: primitives kept, anything else as its safe repr. */
export function toArgRecord(args: unknown, repr: SafeRepr): ArgRecord | undefined {
  if (args === undefined || args === null) return undefined;
  const out = emptyRecord();
  if (typeof args !== 'object') {
    setArg(out, 'value', toArgValue(args, repr));
    return out;
  }
  const keys = ownKeys(args);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    const d = getOwnPropertyDescriptor(args, key);
    if (d === undefined || d.enumerable !== true) continue;
    setArg(out, key, hasOwn(d, 'value') ? toArgValue(d.value, repr) : '[Getter]');
  }
  return out;
}

export function toArgValue(v: unknown, repr: SafeRepr): ArgValue {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : toStringOf(v);
  return repr(v);
}

/** A record's own number value (for counters), or undefined. */
export function numberOf(o: object, key: string): number | undefined {
  const v = dataValue(o, key);
  return v === GETTER ? undefined : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
}

export function argJson(v: ArgValue): string {
  if (typeof v === 'string') return stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? toStringOf(v) : stringify(toStringOf(v));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  let out = '';
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + argJson(v[i]!);
    return `[${out}]`;
  }
  const keys = ownKeys(v);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    out += `${out === '' ? '' : ','}${stringify(key)}:${argJson((v as ArgRecord)[key]!)}`;
  }
  return `{${out}}`;
}
