/**
 * The `vizviewer` HTTP server (node:http): answers the allow-listed routes of routes.ts, streams
 * trace files from disk (fs.createReadStream, never one string), serves them converted to the
 * viewer's binary format (binary-cache.ts), and refuses everything else.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { BinaryCache } from './binary-cache.js';
import { listPage } from './list-page.js';
import { routeRequest } from './routes.js';
import { findTrace, listTraces } from './trace-dir.js';
import { CONTENT_TYPES, type TraceFile } from './trace-input.js';

export type TraceSource =
  | { mode: 'file'; trace: TraceFile } // one trace (or one .html report)
  | { mode: 'dir'; dir: string }; // every trace directly in `dir`

export interface TraceServerOptions {
  source: TraceSource;
  /** The viewer page; null is allowed only when serving one .html report. */
  viewerPage: Buffer | null;
  /** Bound to loopback: then only loopback Host headers are answered (DNS rebinding). */
  loopbackOnly: boolean;
  /** Called when a trace (or the .html report) has been sent completely. */
  onDelivered?: (trace: TraceFile) => void;
  /** Called when a request for a trace starts (ends the --once timeout). */
  onTraceRequested?: () => void;
  /** Converted traces (shared with the caller, who may start a conversion early). @default a new cache */
  binaries?: BinaryCache;
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createTraceServer(options: TraceServerOptions): http.Server {
  const { source } = options;
  const binaries = options.binaries ?? new BinaryCache();
  return http.createServer((req, res) => {
    const reply = (status: number, text: string): void => {
      res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
    };
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (options.loopbackOnly && !LOOPBACK_HOSTS.has(host)) {
      reply(403, 'vizviewer answers only requests to 127.0.0.1 or localhost');
      return;
    }
    const route = routeRequest(req.method, req.url, source.mode === 'dir');
    switch (route.type) {
      case 'reject':
        reply(route.status, `${route.status} ${route.reason}`);
        return;
      case 'viewer':
        if (source.mode === 'file' && source.trace.kind === 'html') {
          sendTrace(source.trace);
        } else if (options.viewerPage) {
          res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': options.viewerPage.length });
          res.end(req.method === 'HEAD' ? undefined : options.viewerPage);
        } else {
          reply(404, 'the viewer page is not built');
        }
        return;
      case 'list':
        sendText('text/html; charset=utf-8', listPage(path.basename((source as { dir: string }).dir)));
        return;
      case 'traces': {
        const dir = (source as { dir: string }).dir;
        const list = listTraces(dir).map((t) => ({ name: t.name, kind: t.kind, size: t.size, mtime: Math.round(t.mtimeMs) }));
        sendText('application/json', JSON.stringify(list));
        return;
      }
      case 'trace': {
        const send = route.binary ? sendBinary : sendTrace;
        if (source.mode === 'file') {
          if (source.trace.kind === 'html') reply(404, '404 this report embeds its trace');
          else send(source.trace);
          return;
        }
        const trace = route.name === null ? undefined : findTrace(source.dir, route.name);
        if (!trace) reply(404, '404 no such trace in this directory');
        else send(trace);
        return;
      }
    }

    function sendText(type: string, text: string): void {
      const body = Buffer.from(text);
      res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    }

    /** The trace in the viewer's binary format; a failed conversion is a 500 (the viewer then loads the JSON). */
    function sendBinary(trace: TraceFile): void {
      options.onTraceRequested?.();
      binaries.get(trace).then(
        (binary) => {
          if (res.destroyed) return; // the page went away while the trace was converted
          const original = source.mode === 'dir' ? `/trace?file=${encodeURIComponent(trace.name)}` : '/trace';
          res.writeHead(200, {
            ...COMMON_HEADERS,
            'Content-Type': 'application/octet-stream',
            'Content-Length': binary.length,
            'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(trace.name)}`,
            // Where the file itself is, for the viewer's "Open in Perfetto" download.
            'X-Viztracer-Original': original,
          });
          if (req.method === 'HEAD') {
            res.end();
            return;
          }
          res.on('finish', () => options.onDelivered?.(trace));
          res.end(binary);
        },
        (e: unknown) => {
          if (!res.destroyed) reply(500, `500 cannot convert ${trace.name}: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }

    function sendTrace(trace: TraceFile): void {
      options.onTraceRequested?.();
      let size: number;
      try {
        size = fs.statSync(trace.file).size; // may have grown since it was listed
      } catch {
        reply(404, '404 the trace file is gone');
        return;
      }
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': CONTENT_TYPES[trace.kind],
        'Content-Length': size,
        // The file's name for the viewer's title and download (the URL only says /trace).
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(trace.name)}`,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(trace.file, { start: 0, end: Math.max(0, size - 1), highWaterMark: 1 << 20 });
      stream.on('error', () => res.destroy());
      res.on('close', () => stream.destroy());
      res.on('finish', () => options.onDelivered?.(trace));
      stream.pipe(res);
    }
  });
}
