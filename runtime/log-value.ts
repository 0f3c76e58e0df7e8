/**
 * How a logged value is kept between log time and save time. A primitive is kept as it is (its text
 * is built at save time, so logging a number or a string allocates no string); an object is kept
 * as a snapshot of its own properties (value-snapshot.ts), because the program may change it later;
 * a function or a built-in kind (Map, Date, an error, ...) is turned into its safe repr at log time.
 */
import type { SafeRepr } from './safe-repr.js';

/** A repr taken at log time (told apart from a logged string primitive). */
export class ReprText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** The text of a stored value, at save time (safe-repr renders snapshots). */
export function storedText(v: unknown, repr: SafeRepr): string {
  return v instanceof ReprText ? v.text : repr(v);
}
