import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/run-cli.js';

/** How the project compiles: which TypeScript and ts-patch, live (`tspc`) or patched in place. */
export interface TscSetup {
  label: string;
  /** Package under the repo's node_modules that becomes the project's `typescript`. */
  typescript: 'typescript' | 'typescript5';
  /** Package under the repo's node_modules that becomes the project's `ts-patch`. */
  tsPatch: 'ts-patch' | 'ts-patch3';
  /** `tspc`, or `ts-patch install` (on the project's own copy of typescript) then plain `tsc`. */
  mode: 'tspc' | 'install';
}

/** How a child process ended. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface TscProject {
  dir: string;
  build: Finished;
  /** The case's directory (its root for the trace, where it runs from). */
  caseDir(name: string): string;
}

const repoModules = join(repoRoot, 'node_modules');

/** Compiler options that let Node run the output as it is; the plugin is the only addition. */
function tsconfig(): object {
  return {
    compilerOptions: {
      target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist',
      rootDir: '.', // TS 6 requires it (TS5011 otherwise)
      sourceMap: true, allowJs: true, strict: true, skipLibCheck: true, types: ['node'],
      plugins: [{ transform: 'viztracer/transformer' }],
    },
    include: ['*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'],
  };
}

/**
 * A throwaway project laid out as npm would: node_modules/{typescript, ts-patch, viztracer}, one
 * sub-project per case (each its own tsconfig, so each case's trace root is its own directory),
 * all built by one `tsc -b a b c` (one compiler start for all cases). ts-patch resolves the
 * `typescript` next to it, so it is copied in (its own dependencies come through NODE_PATH);
 * `ts-patch install` patches only the project's copy of typescript, never the repo's.
 */
export async function buildTscProject(setup: TscSetup, cases: { name: string; from: string }[]): Promise<TscProject> {
  const dir = mkdtempSync(join(tmpdir(), `vt-tsc-${setup.label.replace(/\W+/g, '-')}-`));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  if (setup.mode === 'install') cpSync(join(repoModules, setup.typescript), join(modules, 'typescript'), { recursive: true, dereference: true });
  else symlinkSync(join(repoModules, setup.typescript), join(modules, 'typescript'), 'dir');
  cpSync(join(repoModules, setup.tsPatch), join(modules, 'ts-patch'), { recursive: true, dereference: true });
  symlinkSync(repoRoot, join(modules, 'viztracer'), 'dir');
  symlinkSync(join(repoModules, '@types/node'), join(modules, '@types/node'), 'dir');
  symlinkSync(join(repoModules, 'undici-types'), join(modules, 'undici-types'), 'dir');

  for (const c of cases) {
    const to = join(dir, c.name);
    mkdirSync(to);
    for (const f of readdirSync(c.from)) if (!f.endsWith('.golden.txt')) cpSync(join(c.from, f), join(to, f));
    writeFileSync(join(to, 'tsconfig.json'), JSON.stringify(tsconfig(), null, 2));
  }

  const env = { ...process.env, NODE_PATH: repoModules };
  // Asynchronous, so the projects of several setups build at the same time.
  const node = (args: string[]) =>
    new Promise<Finished>((done) => {
      execFile(process.execPath, args, { cwd: dir, encoding: 'utf8', env, timeout: 240_000 }, (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    });
  const projects = cases.map((c) => c.name);
  let build: Finished;
  if (setup.mode === 'tspc') {
    build = await node(['node_modules/ts-patch/bin/tspc.js', '-b', ...projects]);
  } else {
    const install = await node(['node_modules/ts-patch/bin/ts-patch.js', 'install', '-s']);
    if (install.status !== 0) return { dir, build: install, caseDir: (n) => join(dir, n) };
    build = await node(['node_modules/typescript/bin/tsc', '-b', ...projects]);
  }
  return { dir, build, caseDir: (name) => join(dir, name) };
}

/** `main.ts` -> `dist/main.js`, `main.cts` -> `dist/main.cjs`, ... as tsc names outputs. */
export function emittedEntry(entry: string): string {
  return join('dist', entry.replace(/\.([cm]?)[jt]sx?$/, (_, m: string) => `.${m}js`));
}
