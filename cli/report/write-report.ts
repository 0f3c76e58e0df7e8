/**
 * The standalone report: the viewer page with the trace embedded, converted to the viewer's binary
 * format (convert-trace.ts) and stored as base64 in
 * `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64">`,
 * so opening it only unpacks columns (no JSON parse in the browser). The binary is gzipped when
 * that makes it at least a quarter smaller (a 1.75M-call trace of ours: 2.7x smaller); otherwise
 * it is embedded as is (`data-encoding="base64"`): random timings gzip by ~13 %, and the browser's
 * DecompressionStream (measured 15-60 MB/s in headless Chromium here) would cost more time than
 * those bytes save. Base64 has no `<`, so no
 * `</script>` can ever end the element early. The JSON is streamed, never read whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { base64Encoder } from './base64-encoder.js';
import { convertTrace } from './convert-trace.js';
import { readViewerPage, splitViewerPage, viewerTemplatePath } from './viewer-template.js';

const gzip = promisify(zlib.gzip);

/** gzip is kept only when the result is at most this fraction of the binary. */
const GZIP_WORTH = 0.75;

/** The element of the contract with the viewer (viewer/load/find-trace.ts); `data-name` names the download. */
export function traceElementOpen(name: string, gzipped = true): string {
  const attr = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<script type="application/octet-stream" id="viztracer-trace" data-encoding="${gzipped ? 'gzip-base64' : 'base64'}" data-name="${attr}">`;
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

export interface ReportResult {
  /** Complete (`X`) events: calls. */
  events: number;
  /** `viztracer_metadata.dropped`, when present. */
  dropped: number;
  /** Uncompressed JSON bytes read. */
  jsonBytes: number;
  /** Size of the binary trace before gzip. */
  binaryBytes: number;
  /** Whether the embedded binary is gzipped. */
  gzipped: boolean;
  /** Size of the embedded data before base64 (gzipped or not). */
  embeddedBytes: number;
  /** Size of the written .html file. */
  htmlBytes: number;
  /** What the viewer's warning banner will say. */
  warnings: string[];
}

export async function writeHtmlReport(options: ReportOptions): Promise<ReportResult> {
  const templateFile = options.template ?? viewerTemplatePath();
  const { head, tail } = splitViewerPage(readViewerPage(templateFile), templateFile);
  const output = path.resolve(options.output);
  const temp = `${output}.${process.pid}.tmp`;
  let out: fs.WriteStream | undefined;
  try {
    const converted = await convertTrace(options.trace, { gzipErrors: 'throw' });
    const compressed = await gzip(converted.binary, { level: 6 });
    const gzipped = compressed.length <= converted.binary.length * GZIP_WORTH;
    const data = gzipped ? compressed : Buffer.from(converted.binary.buffer, converted.binary.byteOffset, converted.binary.byteLength);
    // Opened synchronously so a directory we cannot write to fails here, with its message.
    out = fs.createWriteStream(temp, { fd: fs.openSync(temp, 'w') });
    let writeError: Error | undefined;
    out.on('error', (e) => (writeError ??= e));
    out.write(head);
    out.write(traceElementOpen(options.name ?? path.basename(output).replace(/\.html?$/i, '.json'), gzipped));
    const chunks = function* (): Generator<Buffer> {
      for (let at = 0; at < data.length; at += 3 << 20) yield data.subarray(at, at + (3 << 20));
    };
    await pipeline(Readable.from(chunks()), base64Encoder(), out, { end: false });
    out.write(TRACE_ELEMENT_CLOSE);
    out.end(tail);
    await new Promise<void>((resolve, reject) => {
      out!.on('close', () => (writeError ? reject(writeError) : resolve()));
    });
    fs.renameSync(temp, output);
    const { events, dropped, jsonBytes, warnings } = converted;
    return { events, dropped, jsonBytes, warnings, binaryBytes: converted.binary.length, gzipped, embeddedBytes: data.length, htmlBytes: fs.statSync(output).size };
  } catch (e) {
    out?.destroy();
    fs.rmSync(temp, { force: true });
    if (e instanceof VizTracerError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR') {
      throw new VizTracerError('WRITE_FAILED', `cannot read the trace ${options.trace}: it is not valid gzip or is truncated (${err.message})`);
    }
    if (err.syscall === 'open' && err.path === options.trace) {
      throw new VizTracerError('WRITE_FAILED', `cannot read the trace ${options.trace}: ${err.message}`);
    }
    throw new VizTracerError('WRITE_FAILED', `cannot write the report ${output}: ${err.message}`);
  }
}
