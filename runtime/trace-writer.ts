/**
 * Writes a recorder snapshot as a Chrome Trace Event JSON file (trace-format.ts), `.json` or
 * `.json.gz`. Synchronous from start to end, because it runs inside process.on('exit'). Streams
 * through one reused buffer, so memory stays bounded for 10^7 events; the file appears atomically
 * (written beside, then renamed), so a reader never sees half a trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createFileSink, createGzipSink, type ByteSink, type GzipMode } from './byte-sink.js';
import { ByteWriter } from './byte-writer.js';
import { writeFileInfo } from './file-info-writer.js';
import type { RecorderSnapshot } from './recorder-snapshot.js';
import { writeTraceBody } from './trace-body.js';
import type { TraceMetadata } from './trace-format.js';
import { VizTracerError } from './viztracer-error.js';

export interface TraceWriteOptions {
  /** Output file; a name ending in `.gz` is gzip-compressed. */
  output: string;
  /** Project root: event paths are relative to it, and sources are read from it. */
  root: string;
  /** @default process.pid */
  pid?: number;
  /** @default pid (the main thread) */
  tid?: number;
  /** @default 'node' */
  processName?: string;
  /** @default 'MainThread' */
  threadName?: string;
  /** @default 'hrtime' */
  clock?: TraceMetadata['clock'];
  /** How `.gz` output is compressed. @default 'stream' */
  gzipMode?: GzipMode;
  /** Embed sources in `file_info`. @default true */
  fileInfo?: boolean;
}

/** Another thread of the same process (a Node worker thread), written after the main one. */
export interface OtherThread {
  tid: number;
  name: string;
  snapshot: RecorderSnapshot;
}

/** Writes the trace; returns the number of events written (calls and log events). */
export function writeTrace(snapshot: RecorderSnapshot, options: TraceWriteOptions, others: readonly OtherThread[] = []): number {
  const pid = options.pid ?? process.pid;
  return writeTraceFile(options.output, options.gzipMode, (w) => writeTraceBody(w, {
    pid,
    processName: options.processName ?? 'node',
    threads: [{ tid: options.tid ?? pid, name: options.threadName ?? 'MainThread', snapshot }, ...others],
    clock: options.clock ?? 'hrtime',
    fileInfo: options.fileInfo === false ? undefined : (fw, used) => writeFileInfo(fw, used, options.root),
  }));
}

/**
 * Opens `output` (gzip-compressed when it ends in `.gz`), lets `body` write and end it, and renames
 * it into place: the file appears atomically, so a reader never sees half a trace. Returns what
 * `body` returns (the events written).
 */
export function writeTraceFile(output: string, gzipMode: GzipMode | undefined, body: (w: ByteWriter) => number): number {
  output = path.resolve(output);
  const temp = `${output}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fd = fs.openSync(temp, 'w');
    const file = createFileSink(fd);
    const sink: ByteSink = output.endsWith('.gz') ? createGzipSink(file, gzipMode) : file;
    const count = body(new ByteWriter(sink));
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, output);
    return count;
  } catch (error) {
    try {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
    } catch {
      // the original error is the one to report
    }
    if (error instanceof VizTracerError) throw error;
    throw new VizTracerError('WRITE_FAILED', `cannot write the trace to ${output}: ${(error as Error).message}`);
  }
}
