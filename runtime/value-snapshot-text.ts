/**
 * The text of an ObjectSnapshot (value-snapshot.ts), built at save time in safe-repr's format:
 * `Name {a: 1, b: "x", c: [Node], d: {e: [1, 2]}}`, `[1, <2 empty items>, 3, …] (length N)`.
 * Nested plain objects and arrays were snapshotted too and follow their parent's items; any other
 * nested value is shown by `nested` (safe-repr at its depth limit: primitives in full, objects by
 * kind).
 */
import { GETTER } from './safe-builtins.js';
import { keyText } from './safe-repr-text.js';
import { HEAD, HOLE, NESTED, SETTER, type ObjectSnapshot } from './object-snapshot.js';

export function snapshotText(s: ObjectSnapshot, nested: (value: unknown) => string, limit: number): string {
  return textAt(s.slots, 0, nested, limit);
}

function textAt(slots: unknown[], at: number, nested: (value: unknown) => string, limit: number): string {
  const code = slots[at + 1] as number;
  const count = code >> 1;
  const size = slots[at + 2] as number;
  const array = (code & 1) === 1;
  const items = at + HEAD;
  // The nested snapshots follow the items, in item order.
  let next = items + (array ? count : 2 * count);
  const valueText = (v: unknown): string => {
    if (v === GETTER) return '[Getter]';
    if (v === SETTER) return '[Setter]';
    if (v !== NESTED) return nested(v);
    const text = textAt(slots, next, nested, limit);
    next += slots[next + 3] as number;
    return text;
  };
  if (array) return elementsText(slots, items, count, size, valueText, limit);
  const name = slots[at] as string | null;
  const head = name === null ? '[Object: null prototype] ' : name === '' ? '' : `${name} `;
  return head + propertiesText(slots, items, count, size, valueText, limit);
}

function elementsText(slots: unknown[], items: number, count: number, size: number, valueText: (v: unknown) => string, limit: number): string {
  let out = '[';
  let holes = 0;
  const sep = (): string => (out.length > 1 ? ', ' : '');
  const flushHoles = (): void => {
    if (holes > 0) out += `${sep()}<${holes} empty item${holes > 1 ? 's' : ''}>`;
    holes = 0;
  };
  for (let i = 0; i < count; i++) {
    if (out.length >= limit) return `${out}${sep()}…] (length ${size})`;
    const v = slots[items + i];
    if (v === HOLE) {
      holes++;
      continue;
    }
    flushHoles();
    out += sep() + valueText(v);
  }
  flushHoles();
  return count < size ? `${out}${sep()}…] (length ${size})` : `${out}]`;
}

function propertiesText(slots: unknown[], items: number, count: number, size: number, valueText: (v: unknown) => string, limit: number): string {
  let out = '{';
  for (let i = 0; i < count; i++) {
    if (out.length >= limit) return `${out}, …}`;
    const key = slots[items + 2 * i] as string;
    out += `${i === 0 ? '' : ', '}${keyText(key)}: ${valueText(slots[items + 2 * i + 1])}`;
  }
  return count < size ? `${out}${count === 0 ? '' : ', '}…}` : `${out}}`;
}
