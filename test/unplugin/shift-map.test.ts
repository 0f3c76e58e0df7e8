/**
 * inject-runtime's `require(...)` insertion keeps the module's map by shifting one line's
 * segments (unplugin/shift-map.ts). It must agree with composing a second map over it with
 * @jridgewell/remapping (what it replaced), on every mapping of real instrumented CommonJS files.
 */
import remapping from '@jridgewell/remapping';
import { eachMapping, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import MagicString from 'magic-string';
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentCode } from '../../dist/instrument/index.js';
import { shiftLine, shiftMap } from '../../dist/unplugin/shift-map.js';
import { repoRoot } from '../support/run-cli.js';

const webpackLib = join(repoRoot, 'node_modules/webpack/lib');
const samples = ['Compiler.js', 'util/comparators.js', 'javascript/JavascriptParser.js', 'template/RuntimeTemplate.js'].map((f) => join(webpackLib, f));

describe('shiftMap', () => {
  it('moves only the segments at or after the column, on that line', () => {
    // Line 0: columns 0, 4, 10; line 1: column 2. Insert 5 characters at column 4 of line 0.
    const mappings = 'AAAA,IAAI,MAAM;EACA';
    const trace = new TraceMap({ version: 3, sources: ['a.js'], names: [], mappings: shiftLine(mappings, 0, 4, 5) });
    const columns: string[] = [];
    eachMapping(trace, (m) => columns.push(`${m.generatedLine}:${m.generatedColumn}`));
    expect(columns).toEqual(['1:0', '1:9', '1:15', '2:2']);
    expect(shiftLine(mappings, 3, 0, 5)).toBe(mappings); // no such line
  });

  it.each(samples)('agrees with composing a shift map with remapping: %s', (file) => {
    const code = fs.readFileSync(file, 'utf8');
    const result = instrumentCode(code, { filename: file, root: repoRoot, sourceKind: 'commonjs' });
    expect(result.instrumented).toBe(true);
    const at = result.code.indexOf('var __vt_');
    const text = 'require("./__viztracer_runtime__");';
    const s = new MagicString(result.code);
    s.appendLeft(at, text);
    const shift = s.generateMap({ hires: 'boundary', source: file, includeContent: false });
    const composed = new TraceMap(remapping([shift.toString(), result.map as never], () => null).toString());
    const shifted = new TraceMap(shiftMap(result.map!, result.code, at, text.length) as never);
    let checked = 0;
    const wrong: string[] = [];
    eachMapping(composed, (m) => {
      if (m.originalLine === null) return;
      const p = originalPositionFor(shifted, { line: m.generatedLine, column: m.generatedColumn });
      if (p.line !== m.originalLine || p.column !== m.originalColumn) wrong.push(`${m.generatedLine}:${m.generatedColumn}`);
      checked++;
    });
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
