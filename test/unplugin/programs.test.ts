import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLERS, buildWith, type Bundler } from './bundlers.js';
import { entryOf, expectTracedLikePlain, programs, programsDir, runNode, tempDir } from './check-program.js';

/**
 * Every fixture program built for Node by every bundler with our plugin, then run: the same
 * stdout, exit and golden call tree as `viztracer main.ts` gives (test/programs/programs.test.ts).
 */
/**
 * Programs a bundler cannot build even without our plugin; a test keeps each entry honest.
 * Rolldown 1.2 (and Vite 8 on it) leave TC39 decorators as they are: Node 20 cannot run them.
 */
const UNSUPPORTED: Partial<Record<Bundler, Record<string, string>>> = {
  rolldown: { 'ts-syntax': 'TC39 decorators are not lowered' },
  vite: { 'ts-syntax': 'TC39 decorators are not lowered' },
};

describe.concurrent.each(BUNDLERS)('%s + viztracer plugin', (bundler) => {
  it.each(programs)('fixtures/programs/%s: runs as plain, call tree = golden', async (name) => {
    const dir = join(programsDir, name);
    const unsupported = UNSUPPORTED[bundler]?.[name];
    if (unsupported) {
      // The same build without our plugin fails at run time too: not ours to fix.
      const outDir = tempDir(`vt-${bundler}-plain-`);
      const { file } = await buildWith[bundler]({ dir, entry: entryOf(dir), outDir, plugin: null });
      expect((await runNode(file, dir)).status, unsupported).not.toBe(0);
      return;
    }
    const entry = entryOf(dir);
    const outDir = tempDir(`vt-${bundler}-`);
    const traceFile = join(outDir, 'trace.json');
    const { file } = await buildWith[bundler]({ dir, entry, outDir, plugin: { outputFile: traceFile } });
    await expectTracedLikePlain(file, dir, entry, traceFile);
  });
});
