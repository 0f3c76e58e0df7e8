/** Where the trace writer's bytes go: a file (byte-sink.ts), gzip, or browser memory (browser-blob-sink.ts). */
export interface ByteSink {
  /** Consumes `chunk` before returning, so the caller may reuse its buffer. */
  write(chunk: Uint8Array): void;
  /** Flushes everything still buffered (gzip trailer). Does not close the file descriptor. */
  end(): void;
}
