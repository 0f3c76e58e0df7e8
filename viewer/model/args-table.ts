/**
 * Event `args` kept as raw JSON bytes in one growing buffer plus offsets, never one JS string per
 * event: a trace with logged arguments on every call has millions of them, and only the clicked one
 * is ever decoded (DESIGN.md §9: no per-event objects).
 */
import type { ArgsTable } from './trace-model.js';

const decoder = new TextDecoder();

/** Entries past this many bytes are dropped (typed-array offsets are 32-bit). */
const MAX_BYTES = 0xffff_fff0;

export class ArgsBuilder {
  private bytes = new Uint8Array(1 << 16);
  private offsets = new Uint32Array(1024);
  /** Number of entries. */
  n = 0;
  private size = 0;
  /** Entries not kept because the table was full. */
  dropped = 0;

  /** Appends `buf[from .. to)`; returns the entry's index, or -1 when the table is full. */
  add(buf: Uint8Array, from: number, to: number): number {
    const len = to - from;
    if (this.size + len > MAX_BYTES) {
      this.dropped++;
      return -1;
    }
    if (this.size + len > this.bytes.length) {
      const grown = new Uint8Array(Math.min(MAX_BYTES, Math.max(this.bytes.length * 2, this.size + len)));
      grown.set(this.bytes.subarray(0, this.size));
      this.bytes = grown;
    }
    if (this.n + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.bytes.set(buf.subarray(from, to), this.size);
    this.size += len;
    this.offsets[++this.n] = this.size;
    return this.n - 1;
  }

  /** Appends entry `k` of another table (to reorder entries). */
  copy(from: ArgsTable, k: number): number {
    return this.add(from.bytes, from.offsets[k]!, from.offsets[k + 1]!);
  }

  done(): ArgsTable {
    return { bytes: this.bytes.slice(0, this.size), offsets: this.offsets.slice(0, this.n + 1) };
  }
}

/** Entry `k` as JSON text. */
export function argsText(table: ArgsTable, k: number): string {
  return decoder.decode(table.bytes.subarray(table.offsets[k]!, table.offsets[k + 1]!));
}

/** Entry `k` parsed; null when it is not a JSON object. */
export function argsObject(table: ArgsTable, k: number): Record<string, unknown> | null {
  if (k < 0) return null;
  try {
    const v: unknown = JSON.parse(argsText(table, k));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
