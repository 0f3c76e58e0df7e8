/**
 * Synchronous byte sinks for the trace writer (it runs inside process.on('exit'), where nothing
 * asynchronous completes): a file descriptor, optionally behind a streaming gzip.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { ByteSink } from './byte-sink-types.js';
import { createGzipEngine } from './gzip-engine.js';

export type { ByteSink } from './byte-sink-types.js';

export function createFileSink(fd: number): ByteSink {
  return {
    write(chunk) {
      let done = 0;
      while (done < chunk.length) done += fs.writeSync(fd, chunk, done, chunk.length - done);
    },
    end() {},
  };
}

/** How `.json.gz` is compressed. */
export type GzipMode =
  | 'stream' // one gzip member, driven synchronously chunk by chunk (zlib internals, guarded)
  | 'members'; // one gzip member per chunk via the public zlib.gzipSync (RFC 1952 allows concatenation)

/** gzip level 1: about 5x smaller JSON at about the cost of writing it (notes/perf-limits.md §4). */
export const GZIP_LEVEL = 1;

export function createGzipSink(out: ByteSink, mode: GzipMode = 'stream'): ByteSink {
  const engine = mode === 'stream' ? createGzipEngine(GZIP_LEVEL, (bytes) => out.write(bytes)) : undefined;
  if (engine) {
    return {
      write: (chunk) => engine.push(chunk, false),
      end() {
        engine.push(new Uint8Array(0), true);
        out.end();
      },
    };
  }
  return createMemberSink(out);
}

function createMemberSink(out: ByteSink): ByteSink {
  return {
    write(chunk) {
      if (chunk.length > 0) out.write(zlib.gzipSync(chunk, { level: GZIP_LEVEL }));
    },
    end() {
      out.end();
    },
  };
}
