/**
 * The standalone report: the viewer page with the trace embedded as base64(gzip(JSON)) in
 * `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64">`.
 * Base64 has no `<`, so no `</script>` can ever end the element early. Everything streams: a
 * trace larger than V8's longest string converts with bounded memory. A .json.gz input is embedded
 * as its gzip bytes (no recompression); a .json input is gzipped here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { base64Encoder } from './base64-encoder.js';
import { traceTally, type TraceTally } from './trace-tally.js';
import { readViewerPage, splitViewerPage, viewerTemplatePath } from './viewer-template.js';

/** The element of the contract with the viewer (viewer/load/find-trace.ts); `data-name` names the download. */
export function traceElementOpen(name: string): string {
  const attr = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64" data-name="${attr}">`;
}
export const TRACE_ELEMENT_CLOSE = '</script>';

export interface ReportOptions {
  /** The trace to embed: .json or .json.gz (gzip is recognised by its magic bytes). */
  trace: string;
  /** The .html file to write (atomically: a temp file renamed at the end). */
  output: string;
  /** Trace file name shown by the viewer and used for its download. @default the output's name as .json */
  name?: string;
  /** The viewer page to start from. @default the built dist/viewer/index.html */
  template?: string;
}

export interface ReportResult extends TraceTally {
  /** Size of the written .html file. */
  htmlBytes: number;
  /** Size of the embedded gzip data before base64. */
  gzipBytes: number;
}

export async function writeHtmlReport(options: ReportOptions): Promise<ReportResult> {
  const templateFile = options.template ?? viewerTemplatePath();
  const { head, tail } = splitViewerPage(readViewerPage(templateFile), templateFile);
  const gzipped = isGzipFile(options.trace);
  const output = path.resolve(options.output);
  const temp = `${output}.${process.pid}.tmp`;
  let out: fs.WriteStream | undefined;
  try {
    const tally = traceTally();
    let gzipBytes = 0;
    const countGzip = new PassThrough();
    countGzip.on('data', (chunk: Buffer) => (gzipBytes += chunk.length));
    // Opened synchronously so a directory we cannot write to fails here, with its message.
    out = fs.createWriteStream(temp, { fd: fs.openSync(temp, 'w') });
    let writeError: Error | undefined;
    out.on('error', (e) => (writeError ??= e));
    out.write(head);
    out.write(traceElementOpen(options.name ?? path.basename(output).replace(/\.html?$/i, '.json')));
    if (gzipped) {
      // Two reads of the (compressed) file: one to count, one to embed its bytes unchanged.
      await pipeline(readTrace(options.trace), zlib.createGunzip(), tally, discard());
      await pipeline(readTrace(options.trace), countGzip, base64Encoder(), out, { end: false });
    } else {
      await pipeline(readTrace(options.trace), tally, zlib.createGzip({ level: 6 }), countGzip, base64Encoder(), out, { end: false });
    }
    out.write(TRACE_ELEMENT_CLOSE);
    out.end(tail);
    await new Promise<void>((resolve, reject) => {
      out!.on('close', () => (writeError ? reject(writeError) : resolve()));
    });
    fs.renameSync(temp, output);
    return { ...tally.tally, gzipBytes, htmlBytes: fs.statSync(output).size };
  } catch (e) {
    out?.destroy();
    fs.rmSync(temp, { force: true });
    if (e instanceof VizTracerError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR') {
      throw new VizTracerError('WRITE_FAILED', `cannot read the trace ${options.trace}: it is not valid gzip or is truncated (${err.message})`);
    }
    throw new VizTracerError('WRITE_FAILED', `cannot write the report ${output}: ${err.message}`);
  }
}

function readTrace(file: string): Readable {
  return fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** gzip magic 1f 8b. */
export function isGzipFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch (e) {
    throw new VizTracerError('WRITE_FAILED', `cannot read the trace ${file}: ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
