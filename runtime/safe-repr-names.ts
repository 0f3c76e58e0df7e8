/**
 * Names safe-repr.ts shows, found without running program code: a constructor's name along the
 * prototype chain (data properties only), and an error's `name: message`.
 */
import { ABSENT, GETTER, dataValue, errorPrototype, getPrototypeOf } from './safe-builtins.js';

/** Prototype chains longer than this are not walked (a class name is then not found). */
const MAX_CHAIN = 64;

/** The constructor name found along the prototype chain without running a getter; null = no prototype. */
export function className(o: object, isProxy: (v: object) => boolean): string | null | undefined {
  return protoClassName(getPrototypeOf(o), isProxy);
}

/** The constructor name found from prototype `proto` up the chain (as className). */
export function protoClassName(proto: object | null, isProxy: (v: object) => boolean): string | null | undefined {
  let p = proto;
  if (p === null) return null;
  for (let i = 0; p !== null && i < MAX_CHAIN; i++) {
    if (isProxy(p)) return undefined;
    const c = dataValue(p, 'constructor');
    if (typeof c === 'function' && !isProxy(c)) {
      const name = dataValue(c, 'name');
      if (typeof name === 'string' && name !== '') return name;
    }
    p = getPrototypeOf(p);
  }
  return undefined;
}

export function isError(o: object, isProxy: (v: object) => boolean): boolean {
  let p = getPrototypeOf(o);
  for (let i = 0; p !== null && i < MAX_CHAIN; i++) {
    if (p === errorPrototype) return true;
    if (isProxy(p)) return false;
    p = getPrototypeOf(p);
  }
  return false;
}

/** `TypeError: message`, with name and message read as data properties along the chain. */
export function errorText(o: object): string {
  const name = chainData(o, 'name');
  const message = chainData(o, 'message');
  const shownName = typeof name === 'string' ? name : 'Error';
  return typeof message === 'string' && message !== '' ? `${shownName}: ${message}` : shownName;
}

function chainData(o: object, key: string): unknown {
  let p: object | null = o;
  for (let i = 0; p !== null && i < MAX_CHAIN; i++) {
    const v = dataValue(p, key);
    if (v !== ABSENT) return v === GETTER ? undefined : v;
    p = getPrototypeOf(p);
  }
  return undefined;
}

