/**
 * Runs the parser in a Web Worker built from a Blob URL (file:// pages cannot load worker files,
 * but Blob URLs work there; notes/viewer-design.md §6). Falls back to the page's own thread when
 * workers are unavailable, so the viewer never ends up blank.
 */
import { loadTrace } from '../model/load-trace.js';
import type { TraceModel } from '../model/trace-model.js';
import type { WorkerReply } from './protocol.js';

/** The worker bundle's source, inlined by scripts/build-viewer.mjs. */
declare const __VIEWER_WORKER_SOURCE__: string;

/** Where the last trace was parsed: 'worker', or 'page' after the fallback. */
export let parsedIn: 'worker' | 'page' = 'worker';

export function parseInWorker(bytes: Uint8Array): Promise<TraceModel> {
  let worker: Worker;
  parsedIn = 'worker';
  try {
    const url = URL.createObjectURL(new Blob([__VIEWER_WORKER_SOURCE__], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
  } catch {
    parsedIn = 'page';
    return Promise.resolve(loadTrace(bytes));
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.model);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      e.preventDefault();
      // A worker that cannot start (CSP, old browser): parse here instead.
      parsedIn = 'page';
      try {
        resolve(loadTrace(bytes));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    // Small traces are copied so the fallback above still has them; big ones are moved (memory).
    const sent = bytes.length < 64 << 20 ? bytes.slice().buffer : (bytes.buffer as ArrayBuffer);
    worker.postMessage({ bytes: sent }, [sent]);
  });
}
