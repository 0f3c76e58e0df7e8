/**
 * Second pass: streams every input again and writes the combined trace, `.json` or `.json.gz`,
 * through the runtime's bounded-buffer writer and sinks (the same bytes layout and gzip level as a
 * traced run). Metadata (`M`) events of all inputs come first, as in a file the runtime writes.
 * The file appears atomically (written beside, then renamed), so combining into one of the inputs
 * reads the input whole before it is replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createFileSink, createGzipSink } from '../../runtime/byte-sink.js';
import { ByteWriter } from '../../runtime/byte-writer.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import type { InputPlan } from './combine-plan.js';
import { mergedFileInfo, mergedMetadataJson, writeMergedFileInfo } from './merge-metadata.js';
import { EVERY_MASK, type ProgressTick } from './progress.js';
import { readTraceStream } from './read-trace-stream.js';
import { isVerbatim, rewriteEvent } from './rewrite-event.js';

/** Writes the combined trace to `output` (gzip when it ends in .gz); returns the events written (not `M`). */
export async function writeCombined(output: string, plans: readonly InputPlan[], tick?: ProgressTick): Promise<number> {
  const temp = `${output}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fd = fs.openSync(temp, 'w');
    const file = createFileSink(fd);
    const w = new ByteWriter(/\.gz$/i.test(output) ? createGzipSink(file) : file);
    let separator = '\n';
    const put = (json: string | Buffer): void => {
      w.text(separator);
      separator = ',\n';
      if (typeof json === 'string') w.text(json);
      else w.bytes(json);
    };
    w.text('{"traceEvents":[');
    for (const plan of plans) {
      for (const event of plan.input.metadataEvents.values()) put(rewriteEvent({ ...event }, plan));
    }
    for (const plan of plans) {
      const verbatim = isVerbatim(plan);
      const skip = plan.input.metadataEvents;
      await readTraceStream(plan.input.file, (raw, index) => {
        if ((index & EVERY_MASK) === 0) tick?.('writing', plan.input.name, index);
        if (skip.has(index)) return;
        put(verbatim ? raw : rewriteEvent(JSON.parse(raw.toString('utf8')) as Record<string, unknown>, plan));
      });
    }
    w.text(`\n],\n"viztracer_metadata":${mergedMetadataJson(plans)},\n"file_info":`);
    writeMergedFileInfo(w, mergedFileInfo(plans));
    writeOthers(w, plans);
    w.text('}\n');
    w.end();
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, output);
    return plans.reduce((n, p) => n + p.input.events, 0);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (e instanceof VizTracerError && e.code === 'WRITE_FAILED') throw e;
    // An input that read fine in the first pass and fails now has changed under us.
    throw new VizTracerError('WRITE_FAILED', `cannot write the combined trace ${output}: ${(e as Error).message.replace(/^\[viztracer\] /, '')}`);
  }
}

/** Top-level keys other than ours (displayTimeUnit, ...): the first input's value of each, raw. */
function writeOthers(w: ByteWriter, plans: readonly InputPlan[]): void {
  const seen = new Set<string>(['traceEvents', 'viztracer_metadata', 'file_info']);
  for (const { input } of plans) {
    for (const [key, raw] of input.others) {
      if (seen.has(key)) continue;
      seen.add(key);
      w.text(`,\n${JSON.stringify(key)}:`);
      w.bytes(raw);
    }
  }
}
