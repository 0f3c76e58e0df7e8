/**
 * A trace file (.json or .json.gz, from us or any Chrome-trace producer) → the viewer's binary
 * format (viewer/format/): streamed through the viewer's own JSON scanner chunk by chunk (a 1 GB
 * trace is never one buffer or string), built into the viewer's model once, encoded. The one
 * converter of `vizviewer` (/trace.bin) and of the standalone report.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { isGzipFile } from '../gzip-file.js';
import { encodeModel } from '../../viewer/format/encode-model.js';
import { modelOf } from '../../viewer/model/load-trace.js';
import { TraceScanner } from '../../viewer/model/scan-trace.js';
import type { TraceModel } from '../../viewer/model/trace-model.js';

export interface ConvertedTrace {
  /** The binary trace, uncompressed. */
  binary: Uint8Array;
  /** Complete (`X`) events: the calls, as the runtime counts its "events". */
  events: number;
  /** `viztracer_metadata.dropped`, when present. */
  dropped: number;
  /** Uncompressed JSON bytes read. */
  jsonBytes: number;
  /** Slices in the model (X, B/E and async spans). */
  slices: number;
  /** What the viewer's banner will say (damage, overflow). */
  warnings: string[];
}

export interface ConvertOptions {
  /**
   * A .gz that does not decompress to its end: 'throw' the zlib error (the report writer: the
   * user's own file is broken), or 'warn' and convert what decompressed (vizviewer).
   * @default 'warn'
   */
  gzipErrors?: 'throw' | 'warn';
}

export async function convertTrace(file: string, options: ConvertOptions = {}): Promise<ConvertedTrace> {
  const { model, events, jsonBytes } = await scanFile(file, options);
  // The scanner's raw columns are unreachable from here on: they can be freed while encoding.
  const dropped = Number(model.metadata?.['dropped'] ?? 0);
  return { binary: encodeModel(model), events, dropped: Number.isFinite(dropped) ? dropped : 0, jsonBytes, slices: model.start.length, warnings: model.warnings };
}

async function scanFile(file: string, options: ConvertOptions): Promise<{ model: TraceModel; events: number; jsonBytes: number }> {
  const scanner = new TraceScanner();
  let jsonBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      jsonBytes += chunk.length;
      scanner.push(chunk);
      done();
    },
  });
  const read = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    if (isGzipFile(file)) await pipeline(read, zlib.createGunzip(), sink);
    else await pipeline(read, sink);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (options.gzipErrors === 'throw' || (code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR')) throw e;
    scanner.warnings.push('The gzip data is truncated or damaged: showing what could be decompressed.');
  }
  const scan = scanner.finish();
  return { model: modelOf(scan), events: scan.raw.completeEvents, jsonBytes };
}

