/**
 * The per-file pipeline shared by the ESM load hook and the CommonJS `_compile` patch:
 * filter, instrument (on the original source, so names and lines are the TypeScript ones),
 * strip types with esbuild (which composes our inline map), warn once per file.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TransformOptions } from 'esbuild';
import { parseSync } from 'oxc-parser';
import { instrumentCode } from '../../instrument/index.js';
import type { RawSourceMap } from '../../instrument/types.js';
import type { ChildConfig } from '../child-config.js';
import { shouldInstrument } from './file-filter.js';
import { readInputMap } from './input-map.js';
import { nearestTsconfig, packageType } from './project-files.js';

/** What the file becomes: an ES module or a CommonJS module. */
export type OutputFormat = 'module' | 'commonjs';

export const TS_FILE = /\.(?:[cm]?ts|tsx)$/;

type Esbuild = typeof import('esbuild');
let esbuild: Esbuild | undefined;
/** esbuild costs ~40 ms to import and ~100 ms on first use: only pay for it when TS shows up. */
function getEsbuild(): Esbuild {
  esbuild ??= createRequire(import.meta.url)('esbuild') as Esbuild;
  return esbuild;
}

const warned = new Set<string>();
function warn(lines: string[], instrumented: boolean, config: ChildConfig): void {
  if (config.quiet) return;
  for (const line of lines) {
    if (warned.has(line)) continue;
    warned.add(line);
    // writeSync: the loader thread's process.stderr is async and may lose lines at exit.
    writeSync(2, `viztracer: warning: ${line}${instrumented ? '' : ' (file runs uninstrumented)'}\n`);
  }
}

/** Whether the source has import/export (cheap text check first, then oxc). */
export function hasModuleSyntax(file: string, source: string): boolean {
  if (!/\b(?:import|export)\b/.test(source)) return false;
  try {
    return parseSync(file, source, { sourceType: 'unambiguous' }).module.hasModuleSyntax;
  } catch {
    return false;
  }
}

/** Format of a TypeScript file under Node's rules extended to .ts/.tsx. */
export function tsFormat(file: string, source: string): OutputFormat {
  if (file.endsWith('.mts')) return 'module';
  if (file.endsWith('.cts')) return 'commonjs';
  if (packageType(dirname(file)) === 'module') return 'module';
  return hasModuleSyntax(file, source) ? 'module' : 'commonjs';
}

/** Our map as a trailing comment; without an input map its one source is the file itself. */
function inlineMap(map: RawSourceMap, file: string, composed: boolean): string {
  const fixed = composed ? map : { ...map, sources: [pathToFileURL(file).href] };
  return `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(fixed)).toString('base64')}\n`;
}

/**
 * Instrument (and for TS, strip types) one file. Returns the code to run, or null when the
 * file is plain JS that must run unchanged.
 */
export function transformFile(file: string, source: string, format: OutputFormat, config: ChildConfig): string | null {
  const isTs = TS_FILE.test(file);
  let code = source;
  let map: RawSourceMap | null = null;
  let warnings: string[] = [];
  let instrumented = false;
  let inputMap: RawSourceMap | null = null;
  if (shouldInstrument(file, config)) {
    // A TS file headed for CommonJS may still be written with import/export (esbuild converts it):
    // the parser's 'unambiguous' mode decides, without parsing the file a second time to ask.
    const sourceKind = format === 'module' ? 'module' : isTs ? 'unambiguous' : 'commonjs';
    inputMap = isTs ? null : readInputMap(file, source);
    const result = instrumentCode(source, { filename: file, root: config.root, sourceKind, inputMap, logs: config.logs });
    ({ warnings, instrumented } = result);
    if (instrumented) {
      code = result.code;
      map = result.map;
    }
  }
  // For TS, strip first: a file esbuild rejects fails with esbuild's error, not our warning too.
  const out = isTs
    ? stripTypes(file, map ? code + inlineMap(map, file, false) : code, format)
    : map || code !== source ? code + (map ? inlineMap(map, file, inputMap !== null) : '') : null;
  warn(warnings, instrumented, config);
  return out;
}

function stripTypes(file: string, code: string, format: OutputFormat): string {
  const tsconfigRaw = nearestTsconfig(dirname(file));
  const options: TransformOptions = {
    loader: file.endsWith('x') ? 'tsx' : 'ts',
    format: format === 'module' ? 'esm' : 'cjs',
    platform: 'node',
    sourcemap: 'inline',
    sourcesContent: false,
    target: `node${process.versions.node}`,
    sourcefile: basename(file),
  };
  try {
    return getEsbuild().transformSync(code, tsconfigRaw === null ? options : { ...options, tsconfigRaw }).code;
  } catch (e) {
    const err = e as { errors?: { text: string; location?: { line: number; column: number } | null }[] };
    const first = err.errors?.[0];
    if (first === undefined) throw e;
    if (tsconfigRaw !== null && /tsconfig/i.test(first.text)) return getEsbuild().transformSync(code, options).code;
    const at = first.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    const error = new SyntaxError(`${file}${at}: ${first.text}`);
    error.stack = `SyntaxError: ${error.message}\n    at ${file}${at}`; // the user's file, not our loader's frames
    throw error;
  }
}
