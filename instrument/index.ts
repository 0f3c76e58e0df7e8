import MagicString from 'magic-string';
import { basename } from 'node:path';
import { GLOBAL_NAME } from '../runtime/probe-protocol.js';
import { collectProbes, type PlannedSite } from './collect-probes.js';
import { EditList } from './edit-list.js';
import { isDirective, type Node } from './estree.js';
import { findIgnoredStarts, hasIgnoreFileComment } from './ignore-comments.js';
import { createLocator } from './line-locator.js';
import { moduleHash } from './module-hash.js';
import { parseSource } from './parse-source.js';
import { createProbeText } from './probe-text.js';
import { composeMaps, createPositionMapper, toTracePath } from './source-maps.js';
import type { FunctionSite, InstrumentOptions, InstrumentResult, RawSourceMap } from './types.js';

export type { FunctionSite, InstrumentOptions, InstrumentResult, LogRewriteOptions, RawSourceMap, SourceKind } from './types.js';
export type { PlannedSite } from './collect-probes.js';
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
  edits.open(firstCode.start, -1, (directivesBefore ? ';' : '') + createProbeText(plan.hash).prologue(plan.filesJson, plan.tableJson));
  const s = new MagicString(code);
  edits.applyTo(s);
  let map: RawSourceMap | null = null;
  if (options.sourceMap !== false) {
    const ours = s.generateMap({ hires: 'boundary', source: options.filename, file: basename(options.filename), includeContent: true });
    map = composeMaps(JSON.parse(ours.toString()) as RawSourceMap, options.inputMap);
  }
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
  const sites = collectProbes(parsed.program, {
    code,
    locate: createLocator(code),
    file,
    mapPosition: options.inputMap ? createPositionMapper(options.inputMap, options.filename, options.root) : null,
    ignoredStarts: findIgnoredStarts(code, parsed.comments),
    edits,
    probes: createProbeText(hash),
  });
  if (sites.length === 0) return { plan: null, warnings: [] };
  return { plan: { hash, ...encodeTable(sites), sites }, warnings: [], program: parsed.program };
}

const publicSite = ({ name, file, line, column }: FunctionSite): FunctionSite => ({ name, file, line, column });

/** The module's function table as JSON literals: files, then [name, fileIndex, line, column]*. */
function encodeTable(sites: readonly FunctionSite[]): { filesJson: string; tableJson: string } {
  const files: string[] = [];
  const index = new Map<string, number>();
  const table: (string | number)[] = [];
  for (const site of sites) {
    let i = index.get(site.file);
    if (i === undefined) {
      i = files.push(site.file) - 1;
      index.set(site.file, i);
    }
    table.push(site.name, i, site.line, site.column);
  }
  return { filesJson: JSON.stringify(files), tableJson: JSON.stringify(table) };
}
