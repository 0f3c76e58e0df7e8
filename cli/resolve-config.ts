/**
 * Merge option layers (CLI > rc file > package.json > defaults) and turn them into the
 * child's config: absolute output path, absolute filter prefixes, numbers.
 */
import { resolve } from 'node:path';
import { VizTracerError } from '../runtime/viztracer-error.js';
import type { ChildConfig } from './child-config.js';
import type { LogRewriteOptions } from '../instrument/index.js';
import { EXCLUSIVE, OPTIONS, parseDuration, type OptionValues } from '../runtime/options-schema.js';

/** Merge lowest first. A layer's own conflicting pair is an error; a higher layer overrides the partner below. */
export function mergeLayers(layers: { name: string; values: OptionValues }[]): OptionValues {
  const merged: OptionValues = {};
  for (const o of OPTIONS) if (o.default !== undefined) merged[o.name] = o.default;
  for (const { name, values } of layers) {
    for (const [a, b] of EXCLUSIVE) {
      if (isSet(values[a]) && isSet(values[b])) {
        throw new VizTracerError('INVALID_OPTION', `${name}: --${a} and --${b} cannot be used together`);
      }
    }
    for (const [a, b] of EXCLUSIVE) {
      if (isSet(values[a])) delete merged[b];
      if (isSet(values[b])) delete merged[a];
    }
    Object.assign(merged, values);
  }
  return merged;
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== false;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `<label>_<YYYYMMDD>_<HHMMSS>_<pid>.json`, as VizTracer names it. */
export function uniqueOutputName(label: string, now: Date, pid: number): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${label}_${date}_${time}_${pid}.json`;
}

/** The --output-file name, if its extension is one we write. */
export function checkOutputFile(values: OptionValues): string {
  const name = String(values['output-file'] ?? 'result.json');
  // .html: the child writes a temporary .json.gz that cli/report/ turns into the report.
  if (!/\.(?:json(?:\.gz)?|html?)$/i.test(name)) {
    throw new VizTracerError('INVALID_OPTION', `--output-file ${name}: only .json, .json.gz and .html are supported`);
  }
  return name;
}

export function outputPath(values: OptionValues, cwd: string, label: string, now: Date, pid: number): string {
  let name: string;
  if (values['unique-output-file'] === true) {
    name = uniqueOutputName(label, now, pid);
  } else {
    name = checkOutputFile(values);
  }
  const dir = values['output-dir'];
  return typeof dir === 'string' ? resolve(cwd, dir, name) : resolve(cwd, name);
}

export function childConfig(values: OptionValues, cwd: string, outputFile: string): ChildConfig {
  const paths = (v: unknown): string[] | null => (Array.isArray(v) ? v.map((p) => resolve(cwd, String(p))) : null);
  return {
    version: 2,
    outputFile,
    root: cwd,
    tracerEntries: Number(values['tracer-entries']),
    maxStackDepth: Number(values['max-stack-depth']),
    minDurationNs: String(parseDuration(String(values['min-duration'] ?? '0')) ?? 0n),
    includeFiles: paths(values['include-files']),
    excludeFiles: paths(values['exclude-files']),
    quiet: values['quiet'] === true,
    logs: logRewriteOptions(values),
    logPrint: values['log-print'] === true,
    hidePrint: values['hide-print'] === true,
    logGc: values['log-gc'] === true,
    logSparse: values['log-sparse'] === true,
    reprLimit: Number(values['repr-limit'] ?? 256),
  };
}

/** The compile-time log options, only those set (an empty object instruments exactly as without logs). */
export function logRewriteOptions(values: OptionValues): LogRewriteOptions {
  const logs: LogRewriteOptions = {};
  const list = (key: string): string[] | undefined => (Array.isArray(values[key]) ? (values[key] as string[]) : undefined);
  const flagOrRegex = (key: string): boolean | string | undefined =>
    values[key] === true || typeof values[key] === 'string' ? (values[key] as true | string) : undefined;
  const logVar = list('log-var');
  if (logVar) logs.logVar = logVar;
  const logNumber = list('log-number');
  if (logNumber) logs.logNumber = logNumber;
  const logAttr = list('log-attr');
  if (logAttr) logs.logAttr = logAttr;
  const logFuncExec = list('log-func-exec');
  if (logFuncExec) logs.logFuncExec = logFuncExec;
  const logFuncEntry = list('log-func-entry');
  if (logFuncEntry) logs.logFuncEntry = logFuncEntry;
  if (values['log-exception'] === true) logs.logException = true;
  const logFuncArgs = flagOrRegex('log-func-args');
  if (logFuncArgs !== undefined) logs.logFuncArgs = logFuncArgs;
  const logFuncRetval = flagOrRegex('log-func-retval');
  if (logFuncRetval !== undefined) logs.logFuncRetval = logFuncRetval;
  return logs;
}
