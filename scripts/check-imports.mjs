#!/usr/bin/env node
// The layering rules of DESIGN.md §3, checked on every test run so a wrong import fails CI.
// Each rule says why it exists (Perfetto's tools/check_imports style).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { parseSync } from 'oxc-parser';
import { fileURLToPath } from 'node:url';

/** @typedef {{ from: string, to: string, kind: 'static' | 'type' | 'dynamic' }} Edge */

const BUNDLERS = /^(typescript|ts-patch|esbuild|rollup|rolldown|vite|webpack|@rspack\/|unplugin)/;

/** @type {{ test: (e: Edge) => boolean, why: string }[]} */
export const RULES = [
  {
    test: (e) => e.from.startsWith('runtime/') && !e.to.startsWith('node:') && !e.to.startsWith('runtime/'),
    why: 'runtime/ depends on nothing but Node built-ins: it is injected into every traced program and bundle',
  },
  {
    test: (e) => isRecordingCore(e.from) && e.to.startsWith('node:'),
    why: 'the recording core (recorder, protocol, registry) runs in browsers and workers too: no node: imports',
  },
  {
    test: (e) => e.from.startsWith('instrument/') && BUNDLERS.test(e.to),
    why: 'instrument/ is the shared core: no typescript and no bundler, so every front end can use it',
  },
  {
    test: (e) => e.from.startsWith('instrument/') && e.to.startsWith('runtime/') && e.to !== 'runtime/probe-protocol.ts',
    why: 'instrument/ shares only the probe protocol with the runtime',
  },
  {
    test: (e) =>
      (e.from.startsWith('transformer/') && e.to.startsWith('unplugin/')) ||
      (e.from.startsWith('unplugin/') && e.to.startsWith('transformer/')),
    why: 'transformer/ and unplugin/ are sibling adapters over instrument/, never each other',
  },
  {
    test: (e) => e.to.startsWith('cli/') && !e.from.startsWith('cli/'),
    why: 'nothing imports cli/: it is the outermost layer',
  },
  {
    test: (e) => e.from.startsWith('viewer/') && !e.to.startsWith('viewer/') && !(e.kind === 'type' && e.to === 'runtime/trace-format.ts'),
    why: 'viewer/ shares only the trace-format types with the rest',
  },
];

function isRecordingCore(file) {
  return /^runtime\/(recorder[\w-]*|probe-protocol|function-registry|viztracer-error)\.ts$/.test(file);
}

const LAYERS = ['instrument', 'runtime', 'cli', 'transformer', 'unplugin', 'viewer'];

function* sourceFiles(root, dir) {
  let entries;
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const name of entries) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) yield* sourceFiles(root, rel);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield rel;
  }
}

/** Resolves a specifier to a repo path (`runtime/x.ts`) or leaves a package name as it is. */
function target(root, from, specifier) {
  if (!specifier.startsWith('.')) return specifier;
  const abs = resolve(root, dirname(from), specifier).replace(/\.js$/, '.ts');
  return relative(root, abs).split('\\').join('/');
}

/** @returns {Edge[]} */
export function collectEdges(root) {
  const edges = [];
  for (const layer of LAYERS) {
    for (const from of sourceFiles(root, layer)) {
      const { module } = parseSync(from, readFileSync(join(root, from), 'utf8'));
      for (const imp of module.staticImports) {
        const typeOnly = imp.entries.length > 0 && imp.entries.every((en) => en.isType);
        edges.push({ from, to: target(root, from, imp.moduleRequest.value), kind: typeOnly ? 'type' : 'static' });
      }
      for (const exp of module.staticExports) {
        for (const en of exp.entries) {
          if (en.moduleRequest) edges.push({ from, to: target(root, from, en.moduleRequest.value), kind: en.isType ? 'type' : 'static' });
        }
      }
      for (const dyn of module.dynamicImports) {
        const text = readFileSync(join(root, from), 'utf8').slice(dyn.moduleRequest.start, dyn.moduleRequest.end);
        const m = /^['"](.*)['"]$/.exec(text);
        if (m) edges.push({ from, to: target(root, from, m[1]), kind: 'dynamic' });
      }
    }
  }
  return edges;
}

export function checkImports(root) {
  const problems = [];
  for (const edge of collectEdges(root)) {
    for (const rule of RULES) if (rule.test(edge)) problems.push(`${edge.from} imports ${edge.to}: ${rule.why}`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkImports(root);
  for (const p of problems) console.error(`check-imports: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`check-imports: ${collectEdges(root).length} imports follow the layering rules`);
}
