/**
 * The built viewer (dist/viewer/index.html) in real headless Chromium, with no server: a trace
 * embedded as gzipped JSON and as the report writer's binary, a damaged one, a .json.gz given by
 * ?trace=, and a file picked by the user. Asserts go through window.__viztracerViewer; screenshots
 * of each view are written to test/artifacts/viewer-*.png for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../../cli/report/write-report.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium.js';
import { checkEventKinds } from './event-kinds-check.js';
import { EVENT_KINDS, eventKindsText } from './helpers.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(REPO, 'test', 'artifacts');
const MARKER = '<!--VIZTRACER_TRACE-->';

const SOURCE = ['export class Shape {', '  area(): number {', '    return 0;', '  }', '}', '', 'export function main(): void {', '  new Shape().area();', '}', ''].join('\n');
const TRACE = {
  traceEvents: [
    { ph: 'M', name: 'process_name', pid: 7, tid: 7, args: { name: 'node main.ts' } },
    { ph: 'M', name: 'thread_name', pid: 7, tid: 7, args: { name: 'MainThread' } },
    { ph: 'M', name: 'thread_name', pid: 7, tid: 9, args: { name: 'worker 1' } },
    { ph: 'X', cat: 'FEE', pid: 7, tid: 7, name: 'Shape.area (src/shapes.ts:2)', ts: 1010.5, dur: 20 },
    { ph: 'X', cat: 'FEE', pid: 7, tid: 7, name: 'Shape.area (src/shapes.ts:2)', ts: 1040, dur: 30, args: { unfinished: true } },
    { ph: 'X', cat: 'FEE', pid: 7, tid: 7, name: 'main (src/shapes.ts:7)', ts: 1000, dur: 100 },
    { ph: 'X', cat: 'FEE', pid: 7, tid: 9, name: 'main (src/shapes.ts:7)', ts: 1005, dur: 50 },
  ],
  viztracer_metadata: { version: '0.1.0', format_version: 1, producer: 'viztracer-js', overflow: false, dropped: 0, unfinished: 1 },
  file_info: { files: { 'src/shapes.ts': [SOURCE, 10] }, functions: { 'Shape.area (src/shapes.ts:2)': ['src/shapes.ts', 2], 'main (src/shapes.ts:7)': ['src/shapes.ts', 7] } },
};

let browser: Browser;
let dir: string;
let viewerHtml: string;

function embedded(json: string): string {
  const el = `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64">${gzipSync(json).toString('base64')}</script>`;
  return viewerHtml.replace(MARKER, () => el);
}

async function open(html: string, query = ''): Promise<Page> {
  const file = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${file}${query}`);
  await page.evaluate(() => (globalThis as any).__viztracerViewer.ready);
  expect(errors).toEqual([]);
  return page;
}

const hook = <T>(page: Page, fn: (h: any) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__viztracerViewer)`) as Promise<T>;

// No Chromium fails here, as in every browser test: .ci/run installs it.
describe('viewer page in headless Chromium', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build-viewer.mjs'), '--quiet'], { cwd: REPO });
    viewerHtml = readFileSync(join(REPO, 'dist', 'viewer', 'index.html'), 'utf8');
    dir = mkdtempSync(join(tmpdir(), 'vt-viewer-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the built file is self-contained with exactly one trace marker', () => {
    expect(viewerHtml.split(MARKER).length).toBe(2);
    expect(viewerHtml).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!ui\.perfetto\.dev)[a-z]/i);
  });

  it('shows tracks, slice details with source, search, flamegraph and stats', async () => {
    const page = await open(embedded(JSON.stringify(TRACE)));
    const state = await hook(page, (h) => h.state);
    expect(state.tracks.map((t: any) => ({ name: t.name, pid: t.pid, tid: t.tid, sliceCount: t.sliceCount }))).toEqual([
      { name: 'MainThread', pid: 7, tid: 7, sliceCount: 3 },
      { name: 'worker 1', pid: 7, tid: 9, sliceCount: 1 },
    ]);
    expect(state.format).toBe('json');
    expect(state.warnings).toEqual([]);
    expect(state.parsedIn).toBe('worker'); // the Blob-URL worker starts on file://
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-timeline.png') });

    // Click the drawn slice: details, unfinished badge, source scrolled to the highlighted line.
    const index = await hook(page, (h) => h.selectByName('Shape.area (src/shapes.ts:2)'));
    const point = await page.evaluate((i) => (globalThis as any).__viztracerViewer.pointOf(i), index);
    await hook(page, (h) => h.search(''));
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.locator('#details .slice-name').textContent()).toBe('Shape.area (src/shapes.ts:2)');
    expect(await page.locator('#details td[data-key=Location]').textContent()).toBe('src/shapes.ts:2');
    expect(await page.locator('#details td[data-key=Duration]').textContent()).toBe('30 µs');
    expect(await page.locator('#details .badge').textContent()).toMatch(/Unfinished/);
    expect(await page.locator('#details .src-line.hit').textContent()).toBe('2  area(): number {');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-details.png') });

    // Search: substring and regex, Enter steps through the matches.
    expect(await hook(page, (h) => h.search('area'))).toBe(2);
    expect(await hook(page, (h) => h.search('/^main /'))).toBe(2);
    expect(await hook(page, (h) => h.search('/(/'))).toBe(0);
    await page.fill('#search', 'Shape.area');
    await page.press('#search', 'Enter');
    await expect.poll(() => page.locator('#search-count').textContent()).toBe('1 / 2');
    expect(await page.locator('#search-count.error').count()).toBe(0);
    await page.press('#search', 'Enter');
    expect(await page.locator('#search-count').textContent()).toBe('2 / 2');
    expect(await page.locator('#details .slice-name').textContent()).toBe('Shape.area (src/shapes.ts:2)');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-search.png') });

    // Keyboard: holding W zooms in.
    await page.locator('canvas.timeline-canvas').click({ position: { x: 5, y: 5 } });
    const before = await hook(page, (h) => h.viewport());
    await page.keyboard.down('w');
    await page.waitForTimeout(300);
    await page.keyboard.up('w');
    const after = await hook(page, (h) => h.viewport());
    expect(after.t1 - after.t0).toBeLessThan((before.t1 - before.t0) * 0.9);
    // Shift+drag selects a range and zooms to it.
    const box = (await page.locator('canvas.timeline-canvas').boundingBox())!;
    await page.keyboard.press('0');
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 200, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 80, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const zoomed = await hook(page, (h) => h.viewport());
    // The trace spans 100 µs over ~1280 px: 100 px of it is under 10 µs.
    expect(zoomed.t1 - zoomed.t0).toBeLessThan(10);
    expect(await page.locator('#details h3').textContent()).toBe('Selected range');
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);

    await hook(page, (h) => h.setView('flamegraph'));
    // The call tree is built when the view is first shown.
    await expect.poll(() => page.locator('#flamegraph-status').textContent()).toMatch(/^all threads: 150 µs/);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-flamegraph.png') });

    await hook(page, (h) => h.setView('stats'));
    const rows = await hook(page, (h) => h.stats().map((r: any) => [r.name, r.calls, r.total, r.self]));
    expect(rows).toEqual([
      ['main (src/shapes.ts:7)', 2, 150, 100],
      ['Shape.area (src/shapes.ts:2)', 2, 50, 50],
    ]);
    expect(await page.locator('#stats tr.row').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-stats.png') });
    await page.close();
  });

  it('every event kind, embedded as JSON: args, instants, counters, flows, objects', async () => {
    const page = await open(embedded(eventKindsText()));
    await checkEventKinds(page, 'viewer-json', 'json');
    await page.close();
  });

  it('every event kind, embedded as the report writer\'s binary', async () => {
    const output = join(dir, 'event-kinds.html');
    await writeHtmlReport({ trace: EVENT_KINDS, output, template: join(REPO, 'dist', 'viewer', 'index.html') });
    const page = await open(readFileSync(output, 'utf8'));
    await checkEventKinds(page, 'viewer-binary', 'binary');
    // "Open in Perfetto": the report only holds the binary, so the model is written back as JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#open-perfetto').click()]);
    expect(download.suggestedFilename()).toBe('event-kinds.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { traceEvents: { ph: string }[] };
    const original = JSON.parse(eventKindsText()) as { traceEvents: { ph: string }[] };
    const count = (t: { traceEvents: { ph: string }[] }, ph: string): number => t.traceEvents.filter((e) => e.ph.toUpperCase() === ph).length;
    for (const ph of ['X', 'I', 'C', 'N', 'O', 'D']) expect([ph, count(exported, ph)]).toEqual([ph, ph === 'C' ? 8 : count(original, ph)]);
    await page.close();
  });

  it('?view=flamegraph starts in the flamegraph', async () => {
    const page = await open(embedded(JSON.stringify(TRACE)), '?view=flamegraph');
    expect(await page.locator('#flamegraph-status').isVisible()).toBe(true);
    await page.close();
  });

  it('a truncated trace loads what it can under a visible warning', async () => {
    const text = JSON.stringify(TRACE);
    const page = await open(embedded(text.slice(0, text.lastIndexOf('"tid":9') + 3)));
    const state = await hook(page, (h) => h.state);
    expect(state.sliceCount).toBe(3);
    expect(await page.locator('#warnings').isVisible()).toBe(true);
    expect(await page.locator('#warnings').textContent()).toMatch(/truncated/);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-damaged.png') });
    await page.close();
  });

  it('garbage input shows an empty viewer with a warning, never a blank page', async () => {
    const page = await open(embedded('this is not a trace'));
    expect(await page.locator('#warnings').textContent()).toMatch(/damaged/);
    await page.close();
  });

  it('?trace=<url> fetches a .json.gz served as raw gzip bytes', async () => {
    const gz = gzipSync(JSON.stringify(TRACE));
    const server: Server = createServer((req, res) => {
      if (req.url?.startsWith('/t.json.gz')) res.end(gz);
      else res.end(viewerHtml);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/?trace=t.json.gz`);
      await page.evaluate(() => (globalThis as any).__viztracerViewer.ready);
      expect((await hook(page, (h) => h.state)).sliceCount).toBe(4);
      await page.close();
    } finally {
      server.close();
    }
  });

  it('without a trace, a picked .json file opens', async () => {
    const file = join(dir, 'empty.html');
    writeFileSync(file, viewerHtml);
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.locator('#drop input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TRACE)) });
    await page.evaluate(() => (globalThis as any).__viztracerViewer.ready);
    expect((await hook(page, (h) => h.state)).sliceCount).toBe(4);
    expect(await page.locator('.toolbar .title').textContent()).toBe('mine.json');
    await page.close();
  });
});
