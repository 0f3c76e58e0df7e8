/** A ByteSink that keeps the trace in memory as chunks, for a Blob (a download or a POST body). */
import type { ByteSink } from './byte-sink-types.js';

export interface ChunkSink extends ByteSink {
  readonly chunks: Uint8Array[];
  readonly size: number;
}

export function createChunkSink(): ChunkSink {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    chunks,
    get size() {
      return size;
    },
    write(chunk) {
      // The writer reuses its buffer: keep a copy.
      chunks.push(chunk.slice());
      size += chunk.length;
    },
    end() {},
  };
}
