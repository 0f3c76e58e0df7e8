#!/usr/bin/env node
// Bundles the viewer into ONE self-contained file, dist/viewer/index.html: inline CSS and JS, no
// network. The parse worker is bundled first and inlined as a string, then started from a Blob URL
// at run time (file:// pages cannot load worker files). The report writer replaces the marker
// comment <!--VIZTRACER_TRACE--> with the embedded trace element.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '<!--VIZTRACER_TRACE-->';

async function bundle(entry, define = {}) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** Inline <script> text may not contain "</script" ("<\/" means the same in strings and regexes). */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

const worker = await bundle('viewer/worker/worker-main.ts');
const main = await bundle('viewer/main.ts', { __VIEWER_WORKER_SOURCE__: JSON.stringify(worker) });
const css = readFileSync(join(root, 'viewer/ui/styles.css'), 'utf8');
const template = readFileSync(join(root, 'viewer/index.html'), 'utf8');
const html = template.replace('/*VIEWER_CSS*/', () => css).replace('/*VIEWER_JS*/', () => inlineSafe(main));
if (html.split(MARKER).length !== 2) throw new Error(`dist/viewer/index.html must contain ${MARKER} exactly once`);
const outFile = join(root, 'dist/viewer/index.html');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, html);
if (!process.argv.includes('--quiet')) console.log(`viewer: ${outFile} (${(html.length / 1024).toFixed(0)} KiB)`);
