/**
 * Vite and Rolldown strip TypeScript with oxc after our pre-transform. For a derived class with
 * parameter properties (`constructor(private x: number) { super() }`), oxc inserts `this.x = x`
 * at the start of the constructor when it does not find `super()` at the top level of the body,
 * which our try/finally wrapper hides: a ReferenceError at run time (notes/toolchain.md §2,
 * measured with oxc-transform 0.158 and Rolldown 1.2). Such files are stripped by esbuild first
 * (which lowers them correctly); names and lines still come from the TypeScript through its map.
 */
import { transformSync } from 'esbuild';
import type { RawSourceMap } from '../instrument/index.js';

const TS_FILE = /\.[cm]?tsx?$/;
/** `constructor(` followed, within its parameter list, by an accessibility or readonly modifier. */
const PARAMETER_PROPERTY = /\bconstructor\s*\([^)]*?\b(?:public|private|protected|readonly|override)\s+[\w$[{]/;

export function needsEarlyStrip(framework: string, file: string, code: string): boolean {
  return (framework === 'vite' || framework === 'rolldown') && TS_FILE.test(file) && /\bextends\b/.test(code) && PARAMETER_PROPERTY.test(code);
}

export function stripTypes(file: string, code: string): { code: string; map: RawSourceMap } {
  const out = transformSync(code, {
    loader: file.endsWith('x') ? 'tsx' : 'ts',
    sourcefile: file,
    sourcemap: 'external',
    target: 'esnext',
    // JSX is left for the bundler's own JSX settings.
    jsx: 'preserve',
  });
  return { code: out.code, map: JSON.parse(out.map) as RawSourceMap };
}
