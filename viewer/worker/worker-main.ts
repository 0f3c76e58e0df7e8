/**
 * The parse worker: receives the trace bytes (transferred), answers with the TraceModel, its typed
 * arrays transferred back (no copy). Started from a Blob URL so it works on file:// pages.
 */
import { openTraceBytes } from '../load/open-bytes.js';
import { transferables } from '../model/load-trace.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(msg: WorkerReply, transfer: ArrayBuffer[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  try {
    const { model, format } = await openTraceBytes(new Uint8Array(e.data.bytes));
    scope.postMessage({ ok: true, model, format }, transferables(model));
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, []);
  }
};
