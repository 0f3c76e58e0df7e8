/**
 * `viztracer --combine a.json b.json -o all.json` and `--align-combine ...`: merges traces into
 * one instead of running a program (VizTracer's `--combine` / `--align_combine`). Inputs that
 * cannot be read are skipped with one line each; the run fails only when none is left. Two
 * streaming passes per input (scan, then write), so a trace of any size merges in bounded memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OptionValues } from '../../runtime/options-schema.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import type { ParsedArgs } from '../parse-args.js';
import { isHtmlOutput } from '../report/finish-run.js';
import { writeHtmlReport } from '../report/write-report.js';
import { outputPath } from '../resolve-config.js';
import { planInputs } from './combine-plan.js';
import { createProgress, type Progress } from './progress.js';
import { invalidTraceReason } from './invalid-trace.js';
import { scanInput, type InputSummary } from './scan-input.js';
import { writeCombined } from './write-combined.js';

/** True when the command line asks for a combine rather than a run. */
export function isCombine(argv: OptionValues): boolean {
  return argv['combine'] !== undefined || argv['align-combine'] !== undefined;
}

/** `parsed`: the command line as given; `values`: its options merged with the rc file and package.json. */
export async function combineCommand(parsed: ParsedArgs, values: OptionValues, cwd: string): Promise<void> {
  const align = parsed.values['align-combine'] !== undefined;
  const option = align ? '--align-combine' : '--combine';
  if (parsed.values['combine'] !== undefined && align) {
    throw new VizTracerError('INVALID_OPTION', '--combine and --align-combine cannot be used together');
  }
  if (parsed.command.length > 0 || parsed.values['cmd-string'] !== undefined) {
    const what = parsed.command[0] ?? '-c';
    throw new VizTracerError('INVALID_OPTION', `${option} merges traces and runs no program: got ${what} too`);
  }
  const names = (parsed.values[align ? 'align-combine' : 'combine'] ?? []) as string[];
  if (names.length === 0) throw new VizTracerError('INVALID_OPTION', `${option} expects one or more trace files`);
  const quiet = values['quiet'] === true;
  const output = outputPath(values, cwd, 'combined', new Date(), process.pid);

  const progress = createProgress(!quiet);
  let result: { events: number; traces: number };
  try {
    result = await combineInto(output, names, align, cwd, progress);
  } finally {
    progress.done();
  }
  if (!quiet) {
    const from = result.traces === 1 ? '1 trace' : `${result.traces} traces`;
    process.stderr.write(`viztracer: saved ${result.events} events from ${from} to ${output}\n`);
  }
}

/** Scans the inputs (skipping invalid ones), then writes `output`; returns the events and traces written. */
async function combineInto(
  output: string, names: readonly string[], align: boolean, cwd: string, progress: Progress,
): Promise<{ events: number; traces: number }> {
  const inputs: InputSummary[] = [];
  for (const name of names) {
    try {
      inputs.push(await scanInput(name, cwd, progress.tick));
    } catch (e) {
      const why = invalidTraceReason(e);
      if (why === undefined) throw e;
      progress.done();
      process.stderr.write(`viztracer: skipping ${name}: ${why}\n`);
    }
  }
  if (inputs.length === 0) {
    throw new VizTracerError('WRITE_FAILED', `nothing to combine: none of ${names.join(', ')} is a readable trace, so ${output} was not written`);
  }
  const plans = planInputs(inputs, align);
  let events: number;
  if (isHtmlOutput(output)) {
    // The report embeds a .json.gz as it is, so the combined trace is written as one first.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-combine-'));
    try {
      const trace = path.join(dir, 'trace.json.gz');
      events = await writeCombined(trace, plans, progress.tick);
      await writeHtmlReport({ trace, output });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    events = await writeCombined(output, plans, progress.tick);
  }
  return { events, traces: inputs.length };
}
