/**
 * What the run command does after the traced program exits, for `-o result.html` and `--open`:
 * the child wrote a temporary .json.gz, which becomes the standalone report; `--open` then shows
 * the result (a report in the browser, a JSON trace through `vizviewer --once`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { openInBrowser } from '../vizviewer/open-browser.js';
import { serve } from '../vizviewer/serve.js';
import { readViewerPage, splitViewerPage, viewerTemplatePath } from './viewer-template.js';
import { writeHtmlReport } from './write-report.js';

export interface FinishRunOptions {
  /** What the child wrote. */
  traceFile: string;
  /** What the user asked for; differs from traceFile for .html. */
  outputFile: string;
  /** --open */
  open: boolean;
  quiet: boolean;
}

/** Seconds `--open` waits for the browser to ask for a JSON trace. */
const OPEN_TIMEOUT_SEC = 60;

export function isHtmlOutput(file: string): boolean {
  return /\.html?$/i.test(file);
}

/** Returns 1 when the result could not be written (the caller keeps a non-zero child code). */
export async function finishRun(options: FinishRunOptions): Promise<number> {
  const html = isHtmlOutput(options.outputFile);
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  try {
    if (!fs.existsSync(options.traceFile)) {
      process.stderr.write(`viztracer: error: the program wrote no trace, so ${options.outputFile} was not written\n`);
      return 1;
    }
    if (html) {
      try {
        const report = await writeHtmlReport({ trace: options.traceFile, output: options.outputFile });
        say(`viztracer: saved ${report.events} events to ${options.outputFile}`);
        if (report.dropped > 0) {
          // As the runtime says it (runtime/install-node.ts); a full ring holds exactly --tracer-entries calls.
          say(`viztracer: warning: the ring buffer overflowed: the oldest ${report.dropped} of ${report.events + report.dropped} calls were dropped; `
            + `raise --tracer-entries (now ${report.events}) or filter (--max-stack-depth, --min-duration)`);
        }
      } finally {
        fs.rmSync(path.dirname(options.traceFile), { recursive: true, force: true });
      }
    }
    if (options.open) await openResult(options.outputFile, html, options.quiet);
    return 0;
  } catch (e) {
    if (!(e instanceof VizTracerError)) throw e;
    process.stderr.write(`viztracer: error: ${e.message.replace(/^\[viztracer\] /, '')}\n`);
    return 1;
  }
}

async function openResult(file: string, html: boolean, quiet: boolean): Promise<void> {
  if (html) {
    const opened = await openInBrowser(file);
    if (!opened.opened && !/disabled/.test(opened.reason ?? '')) {
      process.stderr.write(`viztracer: could not open a browser (${opened.reason}); open ${file} yourself\n`);
    }
    return;
  }
  const serving = await serve(
    { path: file, port: 0, host: '127.0.0.1', serverOnly: true, once: true, timeoutSec: OPEN_TIMEOUT_SEC, flamegraph: false, quiet },
    (line) => {
      if (!quiet) process.stderr.write(`${line}\n`);
    },
    (line) => process.stderr.write(`vizviewer: warning: ${line}\n`),
  );
  const opened = await openInBrowser(serving.url);
  if (!opened.opened) {
    // Nobody will come for the trace: do not keep the program's exit waiting for the timeout.
    serving.close();
    process.stderr.write(`viztracer: --open: no browser (${opened.reason}); view the trace with \`vizviewer ${file}\`\n`);
    return;
  }
  await serving.finished;
}

export interface RunFinish {
  /** Where the child writes its trace. */
  childOutput: string;
  /** The child's own "saved" line would name the temporary file: we print ours instead. */
  childQuiet: boolean;
  /** For runChild; undefined when there is nothing to do after the run. */
  afterExit: (() => Promise<number>) | undefined;
}

/** Decides, before the run, how `outputFile` and `--open` are produced (checks the viewer is built). */
export function planRunFinish(outputFile: string, open: boolean, quiet: boolean): RunFinish {
  if (!isHtmlOutput(outputFile)) {
    const afterExit = open ? (): Promise<number> => finishRun({ traceFile: outputFile, outputFile, open, quiet }) : undefined;
    return { childOutput: outputFile, childQuiet: quiet, afterExit };
  }
  splitViewerPage(readViewerPage(), viewerTemplatePath()); // fail now, not after a long run
  const childOutput = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-report-')), 'trace.json.gz');
  return { childOutput, childQuiet: true, afterExit: () => finishRun({ traceFile: childOutput, outputFile, open, quiet }) };
}
