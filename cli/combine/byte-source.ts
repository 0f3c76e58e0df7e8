/**
 * The bytes of a trace file, chunk by chunk: `.json` as it is on disk, gzip (recognised by its
 * magic bytes, whatever the name) decompressed on the way. Never one string or one buffer for the
 * whole file: a trace may exceed V8's longest string (~512 MB).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { isGzipFile } from '../gzip-file.js';
import { invalidTrace } from './invalid-trace.js';

const CHUNK = 1 << 20;

export class ByteSource {
  /** The current chunk; `pos` is the next unread byte in it. */
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  /** Bytes of the chunks before `buf`, for error positions. */
  offset = 0;
  readonly #chunks: AsyncIterator<Buffer>;

  private constructor(chunks: AsyncIterator<Buffer>) {
    this.#chunks = chunks;
  }

  static open(file: string): ByteSource {
    let gzip: boolean;
    try {
      gzip = isGzipFile(file);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw invalidTrace(err.code === 'ENOENT' ? 'no such file' : `cannot read it (${err.message})`);
    }
    const raw = fs.createReadStream(file, { highWaterMark: CHUNK });
    const stream = gzip ? raw.pipe(zlib.createGunzip({ chunkSize: CHUNK })) : raw;
    // A read error of the file must surface through the gunzip iterator too.
    if (gzip) raw.on('error', (e) => stream.destroy(e));
    return new ByteSource(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  }

  /** Loads the next chunk once `buf` is used up; false at the end of the file. */
  async more(): Promise<boolean> {
    let next: IteratorResult<Buffer>;
    try {
      next = await this.#chunks.next();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'Z_BUF_ERROR') throw invalidTrace('it is truncated (the gzip data ends early)');
      if (err.code?.startsWith('Z_')) throw invalidTrace(`it is not valid gzip (${err.message})`);
      throw invalidTrace(`cannot read it (${err.message})`);
    }
    if (next.done) return false;
    this.offset += this.buf.length;
    this.buf = next.value;
    this.pos = 0;
    return true;
  }

  /** The next byte that is not JSON whitespace, not consumed; -1 at the end of the file. */
  async peek(): Promise<number> {
    for (;;) {
      const { buf } = this;
      let i = this.pos;
      while (i < buf.length && isSpace(buf[i]!)) i++;
      this.pos = i;
      if (i < buf.length) return buf[i]!;
      if (!(await this.more())) return -1;
    }
  }

  /** Stops reading (the rest of the file is not needed). */
  async close(): Promise<void> {
    await this.#chunks.return?.();
  }
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
