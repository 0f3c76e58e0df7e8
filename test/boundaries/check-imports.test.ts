import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { checkImports } from '../../scripts/check-imports.mjs';

const check = checkImports as (root: string) => string[];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vt-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layering rules (DESIGN.md §3)', () => {
  it('holds for this repository', () => {
    expect(check(resolve(import.meta.dirname, '../..'))).toEqual([]);
  });

  it('rejects each forbidden import with its reason', () => {
    const root = tree({
      'runtime/recorder.ts': "import { readFileSync } from 'node:fs';",
      'runtime/writer.ts': "import MagicString from 'magic-string';",
      'instrument/core.ts': "import ts from 'typescript'; import { x } from '../runtime/recorder.js';",
      'unplugin/index.ts': "import t from '../transformer/index.js';",
      'runtime/uses-cli.ts': "export * from '../cli/main.js';",
      'viewer/app.ts': "import type { T } from '../runtime/trace-format.js'; import { y } from '../runtime/recorder.js';",
    });
    const problems = check(root);
    expect(problems).toHaveLength(8) // runtime/uses-cli.ts breaks two rules;
    expect(problems.join('\n')).toMatch(/runtime\/recorder\.ts imports node:fs: the recording core/);
    expect(problems.join('\n')).toMatch(/runtime\/writer\.ts imports magic-string/);
    expect(problems.join('\n')).toMatch(/instrument\/core\.ts imports typescript/);
    expect(problems.join('\n')).toMatch(/instrument\/core\.ts imports runtime\/recorder\.ts/);
    expect(problems.join('\n')).toMatch(/unplugin\/index\.ts imports transformer\/index\.ts/);
    expect(problems.join('\n')).toMatch(/runtime\/uses-cli\.ts imports cli\/main\.ts/);
    expect(problems.join('\n')).toMatch(/viewer\/app\.ts imports runtime\/recorder\.ts/);
  });
});
