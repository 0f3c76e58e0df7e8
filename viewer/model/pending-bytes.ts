/**
 * The bytes the scanner has received but not consumed: the start of a step the last chunk cut
 * off, and the chunks after it. They are joined in one work buffer reused from chunk to chunk
 * (fresh memory for every chunk would cost a page fault per 4 KB), and a long cut value (a big
 * `file_info`) is retried only once the bytes have doubled, so it is not rescanned per chunk.
 */

export class PendingBytes {
  private parts: Uint8Array[] = [];
  /** Bytes pending. */
  size = 0;
  private retryAt = 0;
  private work: Uint8Array = new Uint8Array(0);

  /** Adds a chunk; true when it is worth scanning now. */
  add(chunk: Uint8Array): boolean {
    this.parts.push(chunk);
    this.size += chunk.length;
    return this.size >= this.retryAt;
  }

  /** Whether bytes are held back waiting for more (a retry is due at the end of the input). */
  get waiting(): boolean {
    return this.retryAt > 0;
  }

  retryNow(): void {
    this.retryAt = 0;
  }

  /** The pending bytes as one buffer. */
  bytes(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0]!;
    const size = this.size;
    if (this.work.length < size) {
      const grown = new Uint8Array(Math.max(size, this.work.length * 2));
      let at = 0;
      for (const p of this.parts) {
        grown.set(p, at);
        at += p.length;
      }
      this.work = grown;
      return grown.subarray(0, size);
    }
    let at = 0;
    for (const p of this.parts) {
      // The cut step's bytes may already be in the work buffer: move them to its start.
      if (p.buffer === this.work.buffer) this.work.copyWithin(at, p.byteOffset - this.work.byteOffset, p.byteOffset - this.work.byteOffset + p.length);
      else this.work.set(p, at);
      at += p.length;
    }
    return this.work.subarray(0, size);
  }

  /** After a scan: `rest` (a view of what bytes() returned) is all that is left. */
  keep(rest: Uint8Array): void {
    this.parts = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    this.retryAt = rest.length > 1 << 16 ? rest.length * 2 : 0;
  }

  clear(): void {
    this.parts = [];
    this.size = 0;
    this.retryAt = 0;
  }
}
