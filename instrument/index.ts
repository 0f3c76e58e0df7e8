import MagicString from 'magic-string';
import { basename } from 'node:path';
import { GLOBAL_NAME } from '../runtime/probe-protocol.js';
import { collectProbes } from './collect-probes.js';
import { EditList } from './edit-list.js';
import { isDirective, type Node } from './estree.js';
import { findIgnoredStarts, hasIgnoreFileComment } from './ignore-comments.js';
import { createLocator } from './line-locator.js';
import { moduleHash } from './module-hash.js';
import { parseSource } from './parse-source.js';
import { createProbeText } from './probe-text.js';
import { composeMaps, createPositionMapper, toTracePath } from './source-maps.js';
import type { FunctionSite, InstrumentOptions, InstrumentResult, RawSourceMap } from './types.js';

export type { FunctionSite, InstrumentOptions, InstrumentResult, RawSourceMap, SourceKind } from './types.js';
export { toTracePath } from './source-maps.js';

/** What every instrumented module contains, and nothing else does: instrumenting twice is a no-op. */
const ALREADY_INSTRUMENTED = `.${GLOBAL_NAME}?.register(`;

/**
 * Instruments one file: entry/exit probes around every function body, a function table
 * registered once per module, and a source map back to the original source. Never throws on bad
 * input: a file the parser rejects comes back unchanged with one warning naming file:line:col.
 */
export function instrumentCode(code: string, options: InstrumentOptions): InstrumentResult {
  const file = toTracePath(options.root, options.filename);
  const unchanged = (warnings: string[] = []): InstrumentResult => ({ code, map: null, instrumented: false, sites: [], warnings });
  if (code.includes(ALREADY_INSTRUMENTED)) return unchanged();

  const parsed = parseSource(code, options.filename, options.sourceKind ?? 'unambiguous');
  if ('message' in parsed) {
    const at = createLocator(code)(parsed.offset);
    return unchanged([`${file}:${at.line}:${at.column}: ${parsed.message}`]);
  }
  if (hasIgnoreFileComment(parsed.comments)) return unchanged();

  const hash = moduleHash(file);
  const probes = createProbeText(hash);
  const edits = new EditList();
  const locate = createLocator(code);
  const mapPosition = options.inputMap ? createPositionMapper(options.inputMap, options.filename, options.root) : null;
  const sites = collectProbes(parsed.program, {
    code,
    locate,
    file,
    mapPosition,
    ignoredStarts: findIgnoredStarts(code, parsed.comments),
    edits,
    probes,
  });
  if (sites.length === 0) return unchanged();

  const { filesJson, tableJson } = encodeTable(sites);
  const statements = (parsed.program.body as Node[]).filter((s) => s && typeof s.type === 'string');
  const firstCode = statements.find((s) => !isDirective(s));
  if (!firstCode) return unchanged(); // only directives: cannot hold functions
  const directivesBefore = statements.indexOf(firstCode) > 0;
  edits.open(firstCode.start, -1, (directivesBefore ? ';' : '') + probes.prologue(filesJson, tableJson));

  const s = new MagicString(code);
  edits.applyTo(s);
  const out = s.toString();
  let map: RawSourceMap | null = null;
  if (options.sourceMap !== false) {
    const ours = s.generateMap({ hires: 'boundary', source: options.filename, file: basename(options.filename), includeContent: true });
    map = composeMaps(JSON.parse(ours.toString()) as RawSourceMap, options.inputMap);
  }
  return { code: out, map, instrumented: true, sites, warnings: [] };
}

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
