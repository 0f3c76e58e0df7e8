/** Messages between the page and the parse worker. */
import type { TraceFormat } from '../load/open-bytes.js';
import type { TraceModel } from '../model/trace-model.js';

export interface WorkerRequest {
  /** The trace as received (JSON, binary, either gzipped). Transferred. */
  bytes: ArrayBuffer;
}

export type WorkerReply = { ok: true; model: TraceModel; format: TraceFormat } | { ok: false; error: string };
