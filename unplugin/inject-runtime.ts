/**
 * Makes an instrumented module depend on the runtime module. An ES module gets an `import`
 * appended (imports are hoisted, and appending leaves every mapped position where it was); a
 * CommonJS module gets a `require` just before the probe prologue (after a hashbang and the
 * directive prologue), because its body runs in order and may call its functions right away.
 */
import { dirname } from 'node:path';
import type { RawSourceMap, SourceKind } from '../instrument/index.js';
import { packageType } from './package-type.js';
import { shiftMap } from './shift-map.js';

/** How a source file is linked. */
export type ModuleSyntax =
  | 'esm' // import/export (or .mjs/.mts)
  | 'cjs' // require/module.exports (or .cjs/.cts)
  | 'none'; // a script with neither: either form of the runtime import works

/** An import/export statement starts a line in any real ES module; `import(` is not one. */
const ESM_STATEMENT = /^[ \t]*(?:import[\s{*"']|export[\s{*])/m;
const CJS_MARKER = /\b(?:require\s*\(|module\.exports\b|exports\.[\w$]+\s*=)/;

/** Node's rules: the extension, then the syntax, then the nearest package.json "type". */
export function moduleSyntax(file: string, code: string): ModuleSyntax {
  if (/\.m[jt]sx?$/.test(file)) return 'esm';
  if (/\.c[jt]sx?$/.test(file)) return 'cjs';
  if (ESM_STATEMENT.test(code)) return 'esm';
  if (CJS_MARKER.test(code)) return 'cjs';
  // webpack reads .js in a "type": "module" package as strict ESM, where `require` is not handled.
  return packageType(dirname(file)) === 'module' ? 'esm' : 'none';
}

export const sourceKindOf = (syntax: ModuleSyntax): SourceKind =>
  syntax === 'esm' ? 'module' : syntax === 'cjs' ? 'commonjs' : 'unambiguous';

/** The prologue instrument/ writes first (runtime/probe-protocol.ts). */
const PROLOGUE = 'var __vt_';

export function injectRuntime(
  code: string,
  map: RawSourceMap | null,
  specifier: string,
  asImport: boolean,
): { code: string; map: RawSourceMap | null } {
  if (asImport) return { code: `${code}\nimport ${JSON.stringify(specifier)};\n`, map };
  const at = Math.max(0, code.indexOf(PROLOGUE));
  const text = `require(${JSON.stringify(specifier)});`;
  return { code: code.slice(0, at) + text + code.slice(at), map: map && shiftMap(map, code, at, text.length) };
}
