/**
 * The combined trace's `viztracer_metadata` and `file_info`, from the inputs'. As VizTracer's
 * ReportBuilder.combine_json: the first input's metadata, `overflow` if any input overflowed, and
 * file_info's files and functions unioned (a later input's entry wins, as dict.update does). Ours
 * adds: `dropped`, `log_dropped` and `unfinished` summed, `combined_from` (the inputs by name) and,
 * after --align-combine, `aligned_on` (per input: "sync_marker" or "first_event").
 */
import type { ByteWriter } from '../../runtime/byte-writer.js';
import type { InputPlan } from './combine-plan.js';
import type { FileInfoValue } from './scan-input.js';

/** The JSON text of the merged viztracer_metadata. */
export function mergedMetadataJson(plans: readonly InputPlan[]): string {
  const inputs = plans.map((p) => p.input);
  const meta: Record<string, unknown> = { ...inputs[0]?.metadata };
  const sum = (key: string): number =>
    inputs.reduce((n, i) => n + (typeof i.metadata[key] === 'number' ? (i.metadata[key] as number) : 0), 0);
  meta['overflow'] = inputs.some((i) => i.metadata['overflow'] === true);
  meta['dropped'] = sum('dropped');
  for (const key of ['unfinished', 'log_dropped']) {
    if (inputs.some((i) => typeof i.metadata[key] === 'number')) meta[key] = sum(key);
  }
  // Each input's marker is on its own clock; only after aligning on all of them is there one.
  delete meta['sync_marker'];
  if (plans.length > 0 && plans.every((p) => p.alignedOn === 'sync_marker')) meta['sync_marker'] = 0;
  meta['combined_from'] = inputs.map((i) => i.name);
  const aligned = plans.some((p) => p.alignedOn !== undefined);
  if (aligned) meta['aligned_on'] = plans.map((p) => p.alignedOn);
  delete meta['baseTimeNanoseconds'];
  const json = JSON.stringify(meta);
  // Aligned ts no longer read the monotonic clock: a wall-clock base would give wrong times.
  const base = aligned ? undefined : inputs[0]?.baseTime;
  // Beyond 2^53: written as the digits the input had, as the runtime's writer does.
  return base === undefined ? json : `${json.slice(0, -1)},"baseTimeNanoseconds":${base}}`;
}

export function mergedFileInfo(plans: readonly InputPlan[]): FileInfoValue {
  // No prototype: a key "__proto__" from a parsed input stays an ordinary key.
  const merged: FileInfoValue = { files: Object.create(null) as FileInfoValue['files'], functions: Object.create(null) as FileInfoValue['functions'] };
  for (const { input } of plans) {
    if (!input.fileInfo) continue;
    Object.assign(merged.files, input.fileInfo.files);
    Object.assign(merged.functions, input.fileInfo.functions);
  }
  return merged;
}

/** Writes file_info one source at a time: all sources together could make a string too long. */
export function writeMergedFileInfo(w: ByteWriter, info: FileInfoValue): void {
  w.text('{"files":{');
  let first = true;
  for (const [file, entry] of Object.entries(info.files)) {
    w.text(`${first ? '' : ',\n'}${JSON.stringify(file)}:${JSON.stringify(entry)}`);
    first = false;
  }
  w.text(`},\n"functions":${JSON.stringify(info.functions)}}`);
}
