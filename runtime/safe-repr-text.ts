/**
 * Text helpers of safe-repr.ts that never look up a prototype method: a program may have patched
 * String.prototype.slice or RegExp.prototype.exec, so strings are read through captured builtins
 * and plain indexing (a string's own index properties and `length` never reach the prototype).
 */
import { apply, stringify } from './safe-builtins.js';

const slice = String.prototype.slice;

/** `s` quoted as a JSON string (JSON.stringify of a string primitive runs no program code). */
export function quote(s: string): string {
  return stringify(s);
}

export function cut(s: string, end: number): string {
  return apply(slice, s, [0, end]) as string;
}

/** A string value, capped at `limit` characters of text with the length shown when cut. */
export function quoteCapped(s: string, limit: number): string {
  if (s.length <= limit) return quote(s);
  return `${quote(cut(s, limit))}… (length ${s.length})`;
}

/** Identifier-like keys are shown bare (`a: 1`), others quoted (`"a-b": 1`). */
export function keyText(key: string): string {
  if (key.length === 0) return '""';
  // Indexing a string primitive reads its own index properties (no prototype method, no
  // allocation), unlike a captured charCodeAt called through apply with an argument array.
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    const letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '$' || c === '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return quote(key);
  }
  return key;
}

/** True when a function's source starts with `class` (a class constructor). */
export function isClassSource(source: string): boolean {
  return source.length > 5 && source[0] === 'c' && source[1] === 'l' && source[2] === 'a' && source[3] === 's' && source[4] === 's'
    && (source[5] === ' ' || source[5] === '{');
}

/** Final cap of a whole repr: at most `limit` characters plus an ellipsis. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${cut(text, limit)}…`;
}
