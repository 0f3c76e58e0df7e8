/**
 * The binary trace container: "VZTB", a u32 version, a u32 header length, the header (UTF-8 JSON,
 * listing named sections as [offset, length] into the body), then the body. Little-endian, as
 * every platform the viewer runs on. Sections are varint columns, raw typed arrays or JSON.
 */
import { ByteWriter } from './varint.js';

/** "VZTB": viztracer binary. */
export const MAGIC = [0x56, 0x5a, 0x54, 0x42] as const;
/** Bump on any incompatible change; the decoder refuses versions it does not know. */
export const FORMAT_VERSION = 1;

export interface ContainerHeader {
  version: number;
  sections: Record<string, [offset: number, length: number]>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isBinaryTrace(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && MAGIC.every((b, i) => bytes[i] === b);
}

export class ContainerWriter {
  readonly body = new ByteWriter(1 << 20);
  private readonly sections: ContainerHeader['sections'] = {};

  /** A section written straight into the body by `write`. */
  section(name: string, write: (w: ByteWriter) => void): void {
    const from = this.body.pos;
    write(this.body);
    this.sections[name] = [from, this.body.pos - from];
  }

  raw(name: string, a: ArrayBufferView): void {
    this.section(name, (w) => w.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
  }

  json(name: string, value: unknown): void {
    this.section(name, (w) => w.bytes(encoder.encode(JSON.stringify(value))));
  }

  /** The whole container; `header` gets `version` and `sections`. */
  finish(header: Record<string, unknown>): Uint8Array {
    const head = encoder.encode(JSON.stringify({ ...header, version: FORMAT_VERSION, sections: this.sections }));
    const body = this.body.done();
    const out = new Uint8Array(12 + head.length + body.length);
    out.set(MAGIC, 0);
    const dv = new DataView(out.buffer);
    dv.setUint32(4, FORMAT_VERSION, true);
    dv.setUint32(8, head.length, true);
    out.set(head, 12);
    out.set(body, 12 + head.length);
    return out;
  }
}

export class ContainerReader<H extends ContainerHeader> {
  readonly header: H;
  private readonly bytes: Uint8Array;
  private readonly bodyAt: number;

  constructor(bytes: Uint8Array) {
    if (!isBinaryTrace(bytes)) throw new Error('not a viztracer binary trace');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = dv.getUint32(4, true);
    if (version !== FORMAT_VERSION) throw new Error(`binary trace format ${version} is not supported by this viewer (it reads ${FORMAT_VERSION})`);
    const len = dv.getUint32(8, true);
    this.header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + len))) as H;
    this.bytes = bytes;
    this.bodyAt = 12 + len;
  }

  /** The section's bytes (a view, not a copy); empty when absent. */
  bytesOf(name: string): Uint8Array {
    const s = this.header.sections[name];
    if (s === undefined) return new Uint8Array(0);
    const from = this.bodyAt + s[0];
    if (from + s[1] > this.bytes.length) throw new Error(`binary trace section ${name} is cut off`);
    return this.bytes.subarray(from, from + s[1]);
  }

  /**
   * A copy in a buffer of its own: aligned for the typed array, and the model does not keep the
   * whole container alive. (`new Uint8Array(view)` copies; a Node Buffer's slice() would not.)
   */
  copy(name: string): ArrayBuffer {
    return new Uint8Array(this.bytesOf(name)).buffer;
  }

  f64(name: string): Float64Array {
    return new Float64Array(this.copy(name));
  }

  i32(name: string): Int32Array {
    return new Int32Array(this.copy(name));
  }

  u16(name: string): Uint16Array {
    return new Uint16Array(this.copy(name));
  }

  u8(name: string): Uint8Array {
    return new Uint8Array(this.copy(name));
  }

  json<T>(name: string): T {
    return JSON.parse(decoder.decode(this.bytesOf(name))) as T;
  }
}
