/** Messages between the page and the parse worker. */
import type { TraceModel } from '../model/trace-model.js';

export interface WorkerRequest {
  /** The whole trace JSON, decompressed. Transferred. */
  bytes: ArrayBuffer;
}

export type WorkerReply = { ok: true; model: TraceModel } | { ok: false; error: string };
