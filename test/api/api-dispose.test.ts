/** Stop-and-save on dispose, even when the block throws: Symbol.dispose, Symbol.asyncDispose, run(), and TS `using`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { apiProject, node, readChecked, shapes, viztracer } from './helpers.js';

describe('VizTracer dispose', () => {
  for (const mode of ['sync', 'async', 'run']) {
    it(`${mode}: the trace is saved although the block threw, and recording stopped`, async () => {
      const dir = apiProject();
      const r = node(['dispose.mjs', mode], dir);
      expect(r.stdout).toBe('caught block failed; recording false\n');
      const trace = await readChecked(join(dir, `${mode}.json`));
      expect(shapes(trace)).toEqual([{ ph: 'I', cat: 'INSTANT', s: 't', name: 'inside' }]);
    });
  }

  it('TypeScript `using` and `await using` (lowered by esbuild for Node 20) save on a throw', async () => {
    const dir = apiProject();
    const { code } = transformSync(readFileSync(join(dir, 'using.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' });
    expect(code).not.toMatch(/\busing tracer\b/); // really lowered
    writeFileSync(join(dir, 'using.mjs'), code);
    const r = node(['using.mjs'], dir);
    expect(r.stdout).toBe('caught thrown in the using block\ncaught thrown in the await using block\n');
    const sync = await readChecked(join(dir, 'using.json'));
    expect(shapes(sync)).toEqual([{ ph: 'X', cat: 'custom', name: 'inside using' }]);
    const async = await readChecked(join(dir, 'await-using.json'));
    expect(shapes(async)).toEqual([{ ph: 'I', cat: 'INSTANT', s: 't', name: 'inside await using' }]);
  });
});

describe('decorators', () => {
  it('@logSparse and @ignoreFunction work as TS 5 standard method decorators', async () => {
    const dir = apiProject();
    const { code } = transformSync(readFileSync(join(dir, 'decorators.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' });
    writeFileSync(join(dir, 'decorators.mjs'), code);
    const r = viztracer(['--log-sparse', '--quiet', '-o', 'decorators.json', 'decorators.mjs'], dir);
    expect(r.stdout).toBe('3 4 0\n');
    const trace = await readChecked(join(dir, 'decorators.json'));
    const names = shapes(trace).map((e) => `${e.ph} ${e.name}`);
    expect(names.filter((n) => !n.startsWith('X __') && !n.includes('<anonymous>'))).toEqual([
      expect.stringMatching(/^X \S*step\S* \(decorators\.mjs:\d+\)$/), // esbuild lowers #step
      'X handle',
      'X deep',
    ]);
  });
});
