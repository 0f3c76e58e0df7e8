/**
 * The layout of an object snapshot (value-snapshot.ts writes it, value-snapshot-text.ts reads it):
 * HEAD slots (class name: '' plain, null for no prototype; count * 2, plus 1 for an array; the
 * array's length or the object's number of keys; slots used in all), the items (elements, or
 * key/value pairs), then the snapshots of the nested plain objects and arrays marked NESTED among
 * them, in item order. An item is a primitive, another nested object (shown by kind at save
 * time), GETTER (safe-builtins.ts), SETTER or HOLE.
 */

export const HEAD = 4;
/** An item that is a nested plain object or array: its snapshot follows the parent's items. */
export const NESTED: unique symbol = Symbol('nested');
/** An array slot with no own element. */
export const HOLE: unique symbol = Symbol('hole');
/** A setter-only accessor. */
export const SETTER: unique symbol = Symbol('setter');

/** A snapshot kept on its own (call args) or copied out of the log ring's pool at save time. */
export class ObjectSnapshot {
  // A declared field is defined (ES2022 class fields), so the store never reaches a setter.
  slots: unknown[];
  constructor(slots: unknown[]) {
    this.slots = slots;
  }
}
