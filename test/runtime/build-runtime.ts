/**
 * Compiles runtime/ alone to JavaScript for tests that spawn Node (Node 20 cannot import .ts).
 * Only runtime/ is compiled, so work in progress elsewhere in the repository cannot break these
 * tests. Returns the directory holding the compiled `runtime/` folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function buildRuntime(): string {
  const out = tempDir('vt-runtime-build-');
  const config = path.join(out, 'tsconfig.json');
  fs.writeFileSync(config, JSON.stringify({
    extends: path.join(repo, 'tsconfig.json'),
    compilerOptions: {
      rootDir: repo, outDir: out, declaration: false, sourceMap: false,
      typeRoots: [path.join(repo, 'node_modules/@types')],
    },
    include: [path.join(repo, 'runtime')],
    exclude: [],
  }));
  execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', config], { stdio: 'pipe' });
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  return out;
}
