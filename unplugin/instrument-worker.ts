/**
 * A worker thread of instrument-pool.ts: instruments the files it is sent, one at a time, and
 * answers with the result, without `sites` (or the error message, which the plugin turns into a
 * warning).
 */
import { parentPort } from 'node:worker_threads';
import { instrumentCode, type InstrumentOptions, type InstrumentResult } from '../instrument/index.js';

export interface InstrumentJob {
  id: number;
  code: string;
  options: InstrumentOptions;
}

export type InstrumentReply =
  | { id: number; result: InstrumentResult }
  | { id: number; error: string }
  | { ready: true };

const port = parentPort;
if (port) {
  port.on('message', ({ id, code, options }: InstrumentJob) => {
    let reply: InstrumentReply;
    try {
      // The plugin does not read `sites`: ~20 small objects per file cost more to clone than to make.
      reply = { id, result: { ...instrumentCode(code, options), sites: [] } };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies InstrumentReply);
}
