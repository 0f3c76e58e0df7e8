/**
 * Worker thread that converts one trace to the viewer's binary format (cli/report/convert-trace.ts),
 * so the server's own thread keeps answering while a large trace is scanned and laid out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { convertTrace } from '../report/convert-trace.js';

export type ConvertReply = { ok: true; binary: Uint8Array } | { ok: false; error: string };

const { file } = workerData as { file: string };
try {
  const { binary } = await convertTrace(file, { gzipErrors: 'warn' });
  parentPort!.postMessage({ ok: true, binary } satisfies ConvertReply, [binary.buffer as ArrayBuffer]);
} catch (e) {
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) } satisfies ConvertReply);
}
