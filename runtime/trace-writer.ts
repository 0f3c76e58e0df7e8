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
import { writeCompleteEvents } from './complete-events-writer.js';
import { writeFileInfo } from './file-info-writer.js';
import type { RecorderSnapshot } from './recorder-snapshot.js';
import { FORMAT_VERSION, PRODUCER, type MetadataEvent, type TraceMetadata } from './trace-format.js';
import { VERSION } from './version.js';
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

/** Writes the trace; returns the number of call events written. */
export function writeTrace(snapshot: RecorderSnapshot, options: TraceWriteOptions): number {
  const output = path.resolve(options.output);
  const temp = `${output}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fd = fs.openSync(temp, 'w');
    const file = createFileSink(fd);
    const sink: ByteSink = output.endsWith('.gz') ? createGzipSink(file, options.gzipMode) : file;
    const count = writeBody(new ByteWriter(sink), snapshot, options);
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

function writeBody(w: ByteWriter, snapshot: RecorderSnapshot, options: TraceWriteOptions): number {
  const pid = options.pid ?? process.pid;
  const tid = options.tid ?? pid;
  const names: MetadataEvent[] = [
    { ph: 'M', name: 'process_name', pid, tid: pid, args: { name: options.processName ?? 'node' } },
    { ph: 'M', name: 'thread_name', pid, tid, args: { name: options.threadName ?? 'MainThread' } },
  ];
  w.text(`{"traceEvents":[\n${names.map((e) => JSON.stringify(e)).join(',\n')}`);
  const events = writeCompleteEvents(w, snapshot.segments, snapshot.functions, pid, tid);
  w.text('\n],\n"viztracer_metadata":');
  w.text(metadataJson(snapshot, options.clock ?? 'hrtime'));
  w.text(',\n"file_info":');
  if (options.fileInfo === false) w.text('{"files":{},"functions":{}}');
  else writeFileInfo(w, snapshot.functions, events.ids, options.root);
  w.text('}\n');
  w.end();
  return events.count;
}

function metadataJson(snapshot: RecorderSnapshot, clock: TraceMetadata['clock']): string {
  const meta: Omit<TraceMetadata, 'baseTimeNanoseconds'> = {
    version: VERSION,
    format_version: FORMAT_VERSION,
    producer: PRODUCER,
    overflow: snapshot.dropped > 0,
    dropped: snapshot.dropped,
    unfinished: snapshot.unfinished,
    clock,
  };
  // A bigint beyond 2^53: written as JSON integer digits, as VizTracer does.
  return `${JSON.stringify(meta).slice(0, -1)},"baseTimeNanoseconds":${snapshot.baseTimeNanoseconds}}`;
}
