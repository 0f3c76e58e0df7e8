/**
 * The plugin's worker pool (unplugin/instrument-pool.ts) gives the same result as instrumenting
 * in-thread, before the workers are ready (in-thread) and after (worker threads).
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentCode } from '../../dist/instrument/index.js';
import { instrumentInPool, workerReady } from '../../dist/unplugin/instrument-pool.js';
import { repoRoot } from '../support/run-cli.js';

const lib = join(repoRoot, 'node_modules/webpack/lib');
const files = fs
  .readdirSync(lib, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js'))
  .sort()
  .map((f) => join(lib, f));

describe('instrumentInPool', () => {
  it('matches instrumentCode, in-thread and on workers, with and without maps', async () => {
    // Past the 1 MB after which the pool starts, then until a worker has loaded.
    let seen = 0;
    const warm = files.filter((f) => (seen += fs.statSync(f).size) < 1.5e6);
    for (const f of warm) await instrumentInPool(fs.readFileSync(f, 'utf8'), { filename: f, root: repoRoot, sourceKind: 'commonjs' }, false);
    await workerReady();
    const sample = files.slice(warm.length, warm.length + 60);
    expect(sample.length).toBe(60);
    const results = await Promise.all(
      sample.map((f, i) => {
        const options = { filename: f, root: repoRoot, sourceKind: 'commonjs' as const, sourceMap: i % 2 === 0 };
        return instrumentInPool(fs.readFileSync(f, 'utf8'), options, i % 3 === 0).then((r) => ({ r, options }));
      }),
    );
    let fromWorkers = 0;
    for (const { r, options } of results) {
      const expected = instrumentCode(fs.readFileSync(options.filename, 'utf8'), options);
      expect(r.code).toBe(expected.code);
      expect(r.map).toEqual(expected.map);
      expect(r.warnings).toEqual(expected.warnings);
      // Workers leave out `sites` (the plugin does not read them).
      if (r.sites.length === 0 && expected.sites.length > 0) fromWorkers++;
    }
    expect(fromWorkers).toBeGreaterThan(0);
  });
});
