/**
 * Robustness of the build step on test262-parser-tests (notes/reliability.md §2):
 * - pass/ and pass-explicit/: instrument without warnings; the output re-parses in an independent
 *   parser (acorn) and, for scripts, compiles in V8 whenever the input does; instrumenting the
 *   output again returns it unchanged.
 * - fail/ and early/: instrumentCode never throws. A file V8 rejects comes back unchanged with
 *   exactly one `file:line:col: message` warning — except regular-expression pattern errors, which
 *   our parser does not validate (the file then has no functions and comes back unchanged with no
 *   warning; V8 reports the error). A file V8 accepts (Annex B sloppy forms, legacy escapes the
 *   suite calls errors) may be instrumented, and then its output must compile in V8.
 * Module files (`*.module.js`) parse as modules; V8 checks apply to scripts only (vm modules need
 * --experimental-vm-modules), acorn checks both.
 */
import * as acorn from 'acorn';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const base = path.join(root, 'node_modules/test262-parser-tests');

/** V8's message for regular-expression pattern errors, which our parser does not validate. */
const REGEXP_ERROR = /^Invalid regular expression/;

function read(dir: string): { name: string; file: string; src: string; kind: 'module' | 'script' }[] {
  return fs
    .readdirSync(path.join(base, dir))
    .sort()
    .map((name) => {
      const file = path.join(base, dir, name);
      return { name, file, src: fs.readFileSync(file, 'utf8'), kind: name.includes('.module.js') ? 'module' : 'script' };
    });
}

const instrument = (src: string, file: string, kind: 'module' | 'script') =>
  instrumentCode(src, { filename: file, root, sourceKind: kind, sourceMap: false });

function acornAccepts(src: string, kind: 'module' | 'script'): true | string {
  try {
    acorn.parse(src, { ecmaVersion: 'latest', sourceType: kind });
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}

function v8Accepts(src: string): true | string {
  try {
    new vm.Script(src);
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}

describe.each(['pass', 'pass-explicit'])('test262-parser-tests %s/', (dir) => {
  const files = read(dir);

  it('has its files', () => {
    expect(files.length).toBeGreaterThan(1900);
  });

  it('instruments every file; the output re-parses; twice equals once', () => {
    const problems: string[] = [];
    let instrumented = 0;
    for (const { name, file, src, kind } of files) {
      let out: ReturnType<typeof instrument>;
      try {
        out = instrument(src, file, kind);
      } catch (e) {
        problems.push(`${name}: threw ${(e as Error).message}`);
        continue;
      }
      if (out.warnings.length) problems.push(`${name}: warned ${out.warnings.join(' | ')}`);
      if (out.instrumented) instrumented++;
      if (acornAccepts(src, kind) === true) {
        const r = acornAccepts(out.code, kind);
        if (r !== true) problems.push(`${name}: acorn rejects the output: ${r}`);
      }
      if (kind === 'script' && v8Accepts(src) === true) {
        const r = v8Accepts(out.code);
        if (r !== true) problems.push(`${name}: V8 rejects the output: ${r}`);
      }
      const again = instrument(out.code, file, kind);
      if (again.code !== out.code) problems.push(`${name}: instrumenting twice changed the output`);
      if (again.warnings.length) problems.push(`${name}: second pass warned ${again.warnings.join(' | ')}`);
    }
    expect(problems).toEqual([]);
    // Most pass/ files declare a function of some kind.
    expect(instrumented).toBeGreaterThan(files.length / 3);
  });
});

describe.each(['fail', 'early'])('test262-parser-tests %s/', (dir) => {
  const files = read(dir);

  it('never throws; passes rejected files through with one located warning', () => {
    const problems: string[] = [];
    let warned = 0;
    for (const { name, file, src, kind } of files) {
      const id = `${dir}/${name}`;
      let out: ReturnType<typeof instrument>;
      try {
        out = instrument(src, file, kind);
      } catch (e) {
        problems.push(`${id}: threw ${(e as Error).message}`);
        continue;
      }
      const v8 = kind === 'script' ? v8Accepts(src) : 'module';
      if (v8 === true) {
        // V8 accepts it (Annex B / sloppy legacy forms): instrumenting is allowed, output must compile.
        if (out.code !== src) {
          const r = v8Accepts(out.code);
          if (r !== true) problems.push(`${id}: V8 accepts the input but rejects the output: ${r}`);
        }
        continue;
      }
      if (out.code !== src) problems.push(`${id}: rejected input was changed`);
      if (REGEXP_ERROR.test(v8) && out.warnings.length === 0) continue;
      warned++;
      if (out.warnings.length !== 1) {
        problems.push(`${id}: ${out.warnings.length} warnings (want 1)`);
        continue;
      }
      const w = out.warnings[0]!;
      const located = `node_modules/test262-parser-tests/${dir}/${name}:`;
      if (!w.startsWith(located) || !/^[^:]+:\d+:\d+: \S/.test(w)) problems.push(`${id}: warning not file:line:col: ${w}`);
    }
    expect(problems).toEqual([]);
    expect(warned).toBeGreaterThan(files.length * 0.8);
  });
});
