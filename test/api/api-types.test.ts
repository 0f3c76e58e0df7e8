/** The public types from the package entry, as a user's TypeScript sees them (tsc on a fixture). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../cli/helpers.js';
import { apiProject } from './helpers.js';

it('VizTracer, VizCounter and VizObject name both a value and a type; options and results are typed', () => {
  const dir = apiProject();
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true,
      types: ['node'], typeRoots: [join(REPO, 'node_modules/@types')], skipLibCheck: true,
    },
    files: ['types-check.ts'],
  }));
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
