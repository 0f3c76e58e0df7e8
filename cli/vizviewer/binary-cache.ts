/**
 * The served traces converted to the viewer's binary format, keyed by path, size and mtime: each
 * version of a file is converted once, in a worker thread (convert-worker.ts), and then served from
 * memory. The two most recent are kept (directory mode may serve many traces).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { convertTrace } from '../report/convert-trace.js';
import type { ConvertReply } from './convert-worker.js';
import type { TraceFile } from './trace-input.js';

const KEEP = 2;

export class BinaryCache {
  private readonly entries = new Map<string, Promise<Uint8Array>>();

  /** The binary of the file as it is now (converting it if needed). */
  get(trace: TraceFile): Promise<Uint8Array> {
    let key: string;
    try {
      const stat = fs.statSync(trace.file);
      key = `${trace.file}|${stat.size}|${stat.mtimeMs}`;
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = convert(trace.file);
      // A failed conversion is not kept: the next request tries again.
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
      for (const old of this.entries.keys()) if (this.entries.size > KEEP) this.entries.delete(old);
    }
    return entry;
  }
}

function convert(file: string): Promise<Uint8Array> {
  const worker = new URL('./convert-worker.js', import.meta.url);
  // Run from sources (tests importing the .ts files) there is no .js worker: convert here instead.
  if (!fs.existsSync(fileURLToPath(worker))) return convertTrace(file, { gzipErrors: 'warn' }).then((r) => r.binary);
  return new Promise((resolve, reject) => {
    const w = new Worker(worker, { workerData: { file } });
    w.once('message', (m: ConvertReply) => (m.ok ? resolve(m.binary) : reject(new Error(m.error))));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the conversion worker exited with code ${code}`)));
  });
}
