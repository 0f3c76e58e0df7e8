/**
 * Where a browser trace goes: POSTed to the Vite dev server (vite-dev-server.ts writes it where
 * the user configured and attaches the sources), else downloaded as `result.json` through a Blob
 * and an `<a download>` (any build, any static server). A failed POST falls back to the download,
 * so a trace is never lost because the endpoint is missing (a `vite preview`, a deployed build).
 */
import type { BrowserGlobals } from './browser-globals.js';
import { createChunkSink } from './browser-blob-sink.js';
import { ByteWriter } from './byte-writer.js';
import { writeTraceBody, type TraceThread } from './trace-body.js';

export const DOWNLOAD_NAME = 'result.json';

export interface SaveResult {
  /** Call events in the trace. */
  events: number;
  /** Threads in the trace (the page and each worker). */
  threads: number;
  /** How the trace left the page. */
  via:
    | 'dev-server' // POSTed to the endpoint; `path` is the file the server wrote
    | 'download'; // downloaded as DOWNLOAD_NAME
  /** The file written by the dev server. */
  path?: string;
}

/** The trace file as a Blob (same bytes a Node run writes, with an empty file_info). */
export function traceBlob(threads: readonly TraceThread[], processName: string): { blob: Blob; events: number } {
  const sink = createChunkSink();
  const events = writeTraceBody(new ByteWriter(sink), { pid: 1, processName, threads, clock: 'performance' });
  return { blob: new Blob(sink.chunks as unknown as ConstructorParameters<typeof Blob>[0], { type: 'application/json' }), events };
}

/** Sends the trace to the dev server; returns the path it wrote, or throws. */
export async function postTrace(g: BrowserGlobals, endpoint: string, blob: Blob): Promise<string> {
  const response = await g.fetch(endpoint, { method: 'POST', body: blob, headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}: ${text.slice(0, 200)}`);
  const answer = JSON.parse(text) as { path?: unknown };
  return typeof answer.path === 'string' ? answer.path : endpoint;
}

/** Starts a download of `blob`; false when there is no document (a worker). */
export function downloadTrace(g: BrowserGlobals, blob: Blob, name: string = DOWNLOAD_NAME): boolean {
  const doc = g.document;
  if (!doc) return false;
  const url = g.URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style['display'] = 'none';
  (doc.body ?? doc.documentElement).appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference by now; a minute is generous for a slow disk.
  setTimeout(() => g.URL.revokeObjectURL(url), 60_000);
  return true;
}
