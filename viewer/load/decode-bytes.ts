/** Turns what the page received (base64 text, gzip or plain bytes) into plain bytes (JSON or binary). */

/** Whether the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads a byte stream to its end. A stream that fails midway (a cut-off .gz) keeps what it read. */
export async function readAll(stream: ReadableStream<Uint8Array>, onError?: (e: unknown) => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch (e) {
    if (onError === undefined || size === 0) throw e;
    onError(e);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function maybeGunzip(bytes: Uint8Array, warn: (msg: string) => void): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return readAll(stream, () => warn('The gzip data is truncated or damaged: showing what could be decompressed.'));
}

/** Both decoders skip ASCII whitespace themselves (forgiving-base64), so no cleanup pass over the text. */
export function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native !== undefined) return native(text);
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
