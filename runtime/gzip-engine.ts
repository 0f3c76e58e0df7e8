/**
 * A gzip stream driven synchronously. Node has no public streaming *sync* zlib API: gzipSync wants
 * the whole input, and `_processChunk(chunk, flag)` without a callback closes the engine after one
 * call (lib/zlib.js processChunkSync ends with `_close(self)`, Node 20). So we drive the native
 * handle the way processChunkSync does (`_handle.writeSync` + `_writeState`) without the close.
 * Internal API: every access is checked, and createGzipEngine returns undefined when the shape is
 * not there, so the caller falls back to one gzip member per chunk (public API).
 */
import zlib from 'node:zlib';
import { VizTracerError } from './viztracer-error.js';

interface NativeZlibHandle {
  writeSync(
    flush: number, input: Uint8Array, inOff: number, inLen: number,
    output: Uint8Array, outOff: number, outLen: number,
  ): void;
}

interface ZlibInternals {
  _handle?: NativeZlibHandle | null;
  /** [availOutAfter, availInAfter] of the last write. */
  _writeState?: Uint32Array;
}

export interface GzipEngine {
  /** Compresses `input` completely, emitting output synchronously; `last` writes the trailer. */
  push(input: Uint8Array, last: boolean): void;
}

const OUT_SIZE = 1 << 16;

export function createGzipEngine(level: number, emit: (bytes: Uint8Array) => void): GzipEngine | undefined {
  let gzip: zlib.Gzip;
  try {
    gzip = zlib.createGzip({ level });
  } catch {
    return undefined;
  }
  const internals = gzip as unknown as ZlibInternals;
  const handle = internals._handle;
  const state = internals._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array) || state.length < 2) {
    gzip.close();
    return undefined;
  }
  let failure: unknown;
  gzip.on('error', (error: unknown) => {
    failure = error;
  });
  const out = Buffer.allocUnsafe(OUT_SIZE);
  const { Z_NO_FLUSH, Z_FINISH } = zlib.constants;

  function push(input: Uint8Array, last: boolean): void {
    let inOff = 0;
    let availIn = input.length;
    for (;;) {
      handle!.writeSync(last ? Z_FINISH : Z_NO_FLUSH, input, inOff, availIn, out, 0, OUT_SIZE);
      if (failure !== undefined) throw new VizTracerError('WRITE_FAILED', `gzip failed: ${String(failure)}`);
      const availOut = state![0]!;
      const availInAfter = state![1]!;
      if (availOut < OUT_SIZE) emit(out.subarray(0, OUT_SIZE - availOut));
      inOff += availIn - availInAfter;
      availIn = availInAfter;
      if (availOut !== 0) break; // output space left over: all input consumed (and flushed)
    }
    if (last) gzip.close();
  }
  return { push };
}
