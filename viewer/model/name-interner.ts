/**
 * Interns strings straight from their JSON bytes: an FNV-1a hash of the raw bytes plus a byte
 * compare, so a name is decoded to a JS string only the first time it is seen.
 */
import type { ByteReader } from './byte-reader.js';

export class NameInterner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly byHash = new Map<number, number>();
  /** Next id with the same hash, per id (-1 = end of chain). */
  private readonly chain: number[] = [];
  /** Raw bytes of each id's first occurrence, for the compare. */
  private readonly raw: Uint8Array[] = [];

  /** Id of the string the reader read last. */
  internLast(reader: ByteReader): number {
    const buf = reader.buf;
    const from = reader.strStart;
    const to = reader.strEnd;
    let h = 0x811c9dc5;
    for (let p = from; p < to; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
    let id = this.byHash.get(h);
    while (id !== undefined && id >= 0) {
      if (sameBytes(this.raw[id]!, buf, from, to)) return id;
      id = this.chain[id]!;
    }
    const text = reader.lastString();
    // Two spellings of one string (escaped and not) must share one id.
    const existing = this.index.get(text);
    if (existing !== undefined) return existing;
    const newId = this.names.length;
    this.names.push(text);
    this.index.set(text, newId);
    // A copy: a Node Buffer's slice() is a view that would keep the whole chunk alive.
    this.raw.push(new Uint8Array(buf.subarray(from, to)));
    this.chain.push(this.byHash.get(h) ?? -1);
    this.byHash.set(h, newId);
    return newId;
  }

  /** Id of a string already decoded. */
  intern(text: string): number {
    const existing = this.index.get(text);
    if (existing !== undefined) return existing;
    const id = this.names.length;
    this.names.push(text);
    this.index.set(text, id);
    this.raw.push(new Uint8Array(0));
    this.chain.push(-1);
    return id;
  }
}

function sameBytes(a: Uint8Array, buf: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[from + i]) return false;
  return true;
}
