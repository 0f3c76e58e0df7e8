import MagicString from 'magic-string';
import { GLOBAL_NAME } from '../runtime/probe-protocol.js';
import { collectProbes, type PlannedSite } from './collect-probes.js';
import { EditList } from './edit-list.js';
import { isDirective, type Node } from './estree.js';
import { findIgnoredStarts, hasIgnoreFileComment } from './ignore-comments.js';
import { createLocator } from './line-locator.js';
import { moduleHash } from './module-hash.js';
import { parseSource } from './parse-source.js';
import { createProbeText } from './probe-text.js';
import { composeMaps, createPositionMapper, generateMap, toTracePath } from './source-maps.js';
import type { FunctionSite, InstrumentOptions, InstrumentResult, RawSourceMap } from './types.js';
import type { LogPlan, LogSite } from './log-plan.js';
import { compileLogRules, NO_LOG_RULES } from './log-rules.js';
import { createLogText } from './log-text.js';
import { LogWalker } from './log-walker.js';
import { findMagicComments } from './magic-comments.js';

export type { FunctionSite, InstrumentOptions, InstrumentResult, LogRewriteOptions, RawSourceMap, SourceKind } from './types.js';
export type { PlannedSite } from './collect-probes.js';
export type { EntryLogs, LogEdit, LogPlan, LogRead, LogSite } from './log-plan.js';
export { toTracePath } from './source-maps.js';
export { isIncludedFile, type FileFilter } from './file-filter.js';

/** What every instrumented module contains, and nothing else does: instrumenting twice is a no-op. */
const ALREADY_INSTRUMENTED = `.${GLOBAL_NAME}?.register(`;

/** What an emitter other than ours (the tsc transformer) needs to probe a module the same way. */
export interface ModulePlan {
  /** Per-module identifier: probes use `__vt_<hash>` and `__vt_<hash>_i`. */
  hash: string;
  /** The function table as JSON literals, as the prologue registers them. */
  filesJson: string;
  tableJson: string;
  /** Function K of the table is sites[K]; `bodyStart` finds its body in the same source text. */
  sites: PlannedSite[];
  /** Compile-time logs: register's third argument and the edits; null when the module has none. */
  logsJson: string | null;
  logs: LogPlan | null;
  /** --log-exception: bodies catch, record and rethrow what propagates out of a call (probe-text.ts). */
  recordThrows: boolean;
}

interface Analysis {
  plan: ModulePlan | null;
  warnings: string[];
  program?: Node;
}

/**
 * Site discovery, naming and filtering without emission: the same rules as instrumentCode, so a
 * second emitter (transformer/) gives the same names, lines and ids. `plan` is null when the file
 * is to be left alone (no functions, ignored, already instrumented, or unparsable: then a warning).
 */
export function planModule(code: string, options: InstrumentOptions): { plan: ModulePlan | null; warnings: string[] } {
  const { plan, warnings } = analyze(code, options, new EditList());
  return { plan, warnings };
}

/**
 * Instruments one file: entry/exit probes around every function body, a function table
 * registered once per module, and a source map back to the original source. Never throws on bad
 * input: a file the parser rejects comes back unchanged with one warning naming file:line:col.
 */
export function instrumentCode(code: string, options: InstrumentOptions): InstrumentResult {
  const edits = new EditList();
  const { plan, warnings, program } = analyze(code, options, edits);
  const firstCode = program && (program.body as Node[]).find((s) => !isDirective(s));
  if (!plan || !program || !firstCode) return { code, map: null, instrumented: false, sites: [], warnings };

  // The prologue goes after the directive prologue (or `'use strict'` would stop being one).
  const directivesBefore = (program.body as Node[]).indexOf(firstCode) > 0;
  edits.open(firstCode.start, -1, (directivesBefore ? ';' : '') + createProbeText(plan.hash).prologue(plan.filesJson, plan.tableJson, plan.logsJson));
  if (plan.logs) {
    const logText = createLogText(plan.hash);
    for (const edit of plan.logs.edits) logText.apply(edits, edit);
  }
  const s = new MagicString(code);
  edits.applyTo(s);
  let map: RawSourceMap | null = null;
  if (options.sourceMap !== false) map = composeMaps(generateMap(s, options.filename), options.inputMap);
  return { code: s.toString(), map, instrumented: true, sites: plan.sites.map(publicSite), warnings };
}

function analyze(code: string, options: InstrumentOptions, edits: EditList): Analysis {
  const file = toTracePath(options.root, options.filename);
  if (code.includes(ALREADY_INSTRUMENTED)) return { plan: null, warnings: [] };
  const parsed = parseSource(code, options.filename, options.sourceKind ?? 'unambiguous');
  if ('message' in parsed) {
    const at = createLocator(code)(parsed.offset);
    return { plan: null, warnings: [`${file}:${at.line}:${at.column}: ${parsed.message}`] };
  }
  if (hasIgnoreFileComment(parsed.comments)) return { plan: null, warnings: [] };
  const hash = moduleHash(file);
  const locate = createLocator(code);
  const mapPosition = options.inputMap ? createPositionMapper(options.inputMap, options.filename, options.root) : null;
  // Only a file with log options or a `!viztracer:` comment pays for the log walk.
  const rules = compileLogRules(options.logs);
  const magic = code.includes('!viztracer:') ? findMagicComments(code, parsed.comments) : null;
  const walker = rules || magic ? new LogWalker({ code, rules: rules ?? NO_LOG_RULES, locate: logLocator(locate, mapPosition, file) }, magic) : null;
  const sites = collectProbes(parsed.program, {
    code,
    locate,
    file,
    mapPosition,
    ignoredStarts: findIgnoredStarts(code, parsed.comments),
    edits,
    probes: createProbeText(hash, rules?.exception === true),
    logs: walker ? { walker, text: createLogText(hash) } : null,
  });
  const finished = walker?.finish();
  const warnings = (finished?.warnings ?? []).map(({ at, message }) => {
    const pos = locate(at);
    return `${file}:${pos.line}:${pos.column}: ${message}`;
  });
  const logs = finished && (finished.plan.edits.length > 0 || finished.plan.entries.size > 0) ? finished.plan : null;
  if (sites.length === 0 && !logs) return { plan: null, warnings };
  const table = encodeTable(sites, logs?.sites ?? null);
  return { plan: { hash, ...table, sites, logs, recordThrows: rules?.exception === true }, warnings, program: parsed.program };
}

/** A log site's file and line, through the input source map like a function site's. */
function logLocator(locate: ReturnType<typeof createLocator>, mapPosition: ReturnType<typeof createPositionMapper> | null, file: string) {
  return (at: number): { file: string; line: number } => {
    const pos = locate(at);
    const mapped = mapPosition?.(pos.line, pos.column);
    return mapped ? { file: mapped.file, line: mapped.line } : { file, line: pos.line };
  };
}

const publicSite = ({ name, file, line, column }: FunctionSite): FunctionSite => ({ name, file, line, column });

/**
 * The module's tables as JSON literals: files, then [name, fileIndex, line, column]* and, with
 * logs, [kind, text, fileIndex, line]* (runtime/probe-protocol.ts LogTable).
 */
function encodeTable(sites: readonly FunctionSite[], logSites: readonly LogSite[] | null): { filesJson: string; tableJson: string; logsJson: string | null } {
  const files: string[] = [];
  const index = new Map<string, number>();
  const fileIndex = (file: string): number => {
    let i = index.get(file);
    if (i === undefined) {
      i = files.push(file) - 1;
      index.set(file, i);
    }
    return i;
  };
  const table: (string | number)[] = [];
  for (const site of sites) table.push(site.name, fileIndex(site.file), site.line, site.column);
  const logs: (string | number)[] | null = logSites && [];
  for (const site of logSites ?? []) logs!.push(site.kind, site.text, fileIndex(site.file), site.line);
  return { filesJson: JSON.stringify(files), tableJson: JSON.stringify(table), logsJson: logs && JSON.stringify(logs) };
}
