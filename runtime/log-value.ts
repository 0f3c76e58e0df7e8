/**
 * How a logged value is kept between log time and save time. A primitive is kept as it is (its text
 * is built at save time, so logging a number or a string allocates no string); an object or a
 * function is turned into its safe repr at log time, because the program may change it later.
 */
import type { SafeRepr } from './safe-repr.js';

/** A repr taken at log time (told apart from a logged string primitive). */
export class ReprText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** What to store for `v`. Never throws (safe-repr does not). */
export function storeValue(v: unknown, repr: SafeRepr): unknown {
  return (typeof v === 'object' && v !== null) || typeof v === 'function' ? new ReprText(repr(v)) : v;
}

/** The text of a stored value, at save time. */
export function storedText(v: unknown, repr: SafeRepr): string {
  return v instanceof ReprText ? v.text : repr(v);
}
