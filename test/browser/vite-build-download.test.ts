/**
 * The download path: the fixture app built by `vite build` with viztracer/vite (page and worker
 * bundles), served by a plain static server (no dev server endpoint), opened in headless Chromium.
 * `__viztracer__.save()` downloads result.json, with the page's and the worker's threads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build, type Plugin } from 'vite';
import { launchChromium, type Browser } from './chromium.js';
import { serveStatic } from './static-server.js';
import { expectFixtureApp, expectTraceEngineKeepsEverything, type BrowserTrace } from './trace-checks.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const appRoot = join(repo, 'fixtures/browser-app');

let tmp: string;
let site: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vt-vite-build-'));
  const { default: viztracer } = (await import(join(repo, 'dist/unplugin/vite.js'))) as { default: (o?: object) => Plugin };
  await build({
    configFile: false,
    root: appRoot,
    cacheDir: join(tmp, 'vite-cache'),
    logLevel: 'warn',
    build: { outDir: join(tmp, 'dist'), emptyOutDir: true, sourcemap: true },
    plugins: [viztracer({ saveOnPageHide: true })],
    // Vite builds workers with their own plugin list.
    worker: { format: 'es', plugins: () => [viztracer()] },
  });
  site = await serveStatic(join(tmp, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('save() in a production build downloads result.json with the page and worker threads', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url);
  await page.waitForFunction(() => (globalThis as { appDone?: boolean }).appDone === true, undefined, { timeout: 30_000 });
  const [download, result] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => (globalThis as unknown as { __viztracer__: { save(): Promise<unknown> } }).__viztracer__.save()),
  ]);
  expect(result).toMatchObject({ via: 'download', threads: 2 });
  expect(download.suggestedFilename()).toBe('result.json');
  expect(errors).toEqual([]);

  const trace = JSON.parse(readFileSync(await download.path(), 'utf8')) as BrowserTrace;
  expectFixtureApp(trace);
  expect(trace.traceEvents.filter((e) => e.ph === 'X').length).toBe((result as { events: number }).events);
  // No sources in a browser: only the dev server can attach them.
  expect(trace.file_info).toEqual({ files: {}, functions: {} });
  await expectTraceEngineKeepsEverything(trace);
  await page.close();
});

test('with saveOnPageHide, hiding the page downloads the trace too', async () => {
  const page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => (globalThis as { appDone?: boolean }).appDone === true, undefined, { timeout: 30_000 });
  // A headless page is never hidden: play the event a tab switch would fire.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      const doc = (globalThis as unknown as { document: EventTarget }).document;
      Object.defineProperty(doc, 'visibilityState', { value: 'hidden', configurable: true });
      doc.dispatchEvent(new Event('visibilitychange'));
    }),
  ]);
  const trace = JSON.parse(readFileSync(await download.path(), 'utf8')) as BrowserTrace;
  expectFixtureApp(trace);
  await page.close();
});
