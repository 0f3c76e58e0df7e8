/**
 * The viewer page (`dist/viewer/index.html`, built by scripts/build-viewer.mjs): one self-contained
 * file that both the standalone report and `vizviewer` start from. The report writer puts the trace
 * where the marker comment is; `vizviewer` serves the page unchanged and the page fetches `./trace`.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VizTracerError } from '../../runtime/viztracer-error.js';

/** The comment in the viewer page that the embedded trace replaces. */
export const TRACE_MARKER = '<!--VIZTRACER_TRACE-->';

/**
 * Development and test hook: use this HTML file as the viewer page instead of the built one.
 * Not an option of the product: a released package always has dist/viewer/index.html.
 */
export const VIEWER_HTML_ENV = 'VIZTRACER_VIEWER_HTML';

/** Where the built viewer is, from dist/cli/report/ (built) or cli/report/ (sources run by tests). */
export function viewerTemplatePath(): string {
  const override = process.env[VIEWER_HTML_ENV];
  if (override) return override;
  const here = fileURLToPath(import.meta.url);
  const fromDist = /[\\/]dist[\\/]cli[\\/]report[\\/][^\\/]+$/.test(here);
  return fileURLToPath(new URL(fromDist ? '../../viewer/index.html' : '../../dist/viewer/index.html', import.meta.url));
}

/** The viewer page's bytes; a clear error when the viewer was not built. */
export function readViewerPage(file = viewerTemplatePath()): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(e as Error).message})`;
    throw new VizTracerError('WRITE_FAILED', `the viewer page ${file} ${why}: build it with \`node scripts/build-viewer.mjs\``);
  }
}

/** The page split around its one marker: report = head + embedded trace + tail. */
export function splitViewerPage(page: Buffer, file: string): { head: Buffer; tail: Buffer } {
  const at = page.indexOf(TRACE_MARKER);
  if (at < 0 || page.indexOf(TRACE_MARKER, at + 1) >= 0) {
    throw new VizTracerError('INTERNAL', `the viewer page ${file} must contain ${TRACE_MARKER} exactly once (found ${at < 0 ? 'none' : 'several'})`);
  }
  return { head: page.subarray(0, at), tail: page.subarray(at + TRACE_MARKER.length) };
}
