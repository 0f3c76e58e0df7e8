/**
 * The tracer API in headless Chromium: `import ... from 'viztracer'` bundled for the browser (the
 * "browser" export condition, no node: module reachable), custom events and --log-print recorded,
 * save() downloads the trace, which loads in DevTools' trace engine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO } from '../cli/helpers.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { launchChromium, type Browser } from './chromium.js';
import { serveStatic } from './static-server.js';

let browser: Browser;
const servers: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  // After the browser: a server's close() waits for the page's keep-alive connections.
  for (const s of servers) await s.close();
});

test('VizTracer in a page: events recorded, trace downloaded and loadable', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'vt-api-browser-')));
  cpSync(join(REPO, 'fixtures/api/browser'), dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'viztracer'), 'dir');
  await build({
    absWorkingDir: dir, entryPoints: ['app.ts'], outfile: 'app.js', bundle: true, format: 'esm',
    platform: 'browser', target: 'chrome120', logLevel: 'silent',
  });
  const server = await serveStatic(dir);
  servers.push(server);
  const page = await browser.context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  try {
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.goto(server.url);
    const file = await download.catch((error: unknown) => {
      throw new Error(`${String(error)}; page said: ${logs.join(' | ')}`);
    });
    expect(file.suggestedFilename()).toBe('api-browser.json');
    const path = join(dir, 'downloaded.json');
    await file.saveAs(path);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>)['result'])).toEqual({ same: true, gcError: 'NOT_SUPPORTED' });
    expect(logs.some((l) => l.startsWith('hello from the page'))).toBe(true); // still written to the console
    const trace = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: { ph: string; name: string; cat?: string; args?: unknown }[] };
    const events = trace.traceEvents.filter((e) => e.ph !== 'M').map((e) => ({ ph: e.ph, name: e.name, args: e.args }));
    expect(events).toEqual([
      { ph: 'I', name: 'page instant', args: { href: 'x' } },
      { ph: 'C', name: 'frames', args: { fps: 60 } },
      { ph: 'I', name: 'print - hello from the page {n: 1}', args: undefined },
      { ph: 'X', name: 'render', args: undefined },
      { ph: 'C', name: 'queue', args: { length: 2 } },
    ]);
    const v = await validateWithTraceEngine(trace.traceEvents as never);
    expect(v.inTree).toBe(v.expected);
  } finally {
    await page.close();
  }
});
