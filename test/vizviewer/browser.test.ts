/**
 * vizviewer pages in real headless Chromium: a .json trace (the same checks as the standalone
 * report), every event kind through /trace.bin, a .json.gz, ?view=flamegraph, and directory
 * mode's list picking up a new trace.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { tempProject } from '../cli/helpers.js';
import { checkEventKinds } from '../viewer/event-kinds-check.js';
import { EVENT_KINDS } from '../viewer/helpers.js';
import { checkFibViewer, FIB, fibTrace, launchChromium, screenshot, startVizviewer, viewerReady, type HookWindow } from './helpers.js';

describe('vizviewer in headless Chromium', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launchChromium();
  });
  afterAll(async () => {
    await context.close();
  });

  it('FILE.json: tracks, click → source line, search, stats and flamegraph totals', async () => {
    const { dir } = fibTrace('fib.json');
    const v = await startVizviewer(['--server-only', 'fib.json'], dir);
    try {
      const page = await context.newPage();
      await page.goto(v.url);
      await checkFibViewer(page, 'vizviewer');
      await page.close();
    } finally {
      v.stop();
    }
  });

  it('every event kind: args, instants, counters, flows and objects come through the binary', async () => {
    const dir = tempProject();
    copyFileSync(EVENT_KINDS, join(dir, 'event-kinds.json'));
    const v = await startVizviewer(['--server-only', 'event-kinds.json'], dir);
    try {
      const page = await context.newPage();
      await page.goto(v.url);
      await checkEventKinds(page, 'vizviewer-events', 'binary');
      expect(await page.locator('.toolbar .title').textContent()).toBe('event-kinds.json');
      await page.close();
    } finally {
      v.stop();
    }
  });

  it('FILE.json.gz with --flamegraph --once: starts in the flamegraph, exits after delivering', async () => {
    const { dir, file } = fibTrace('fib.json');
    writeFileSync(join(dir, 'fib.json.gz'), gzipSync(readFileSync(file)));
    const v = await startVizviewer(['--server-only', '--flamegraph', '--once', 'fib.json.gz'], dir);
    const page = await context.newPage();
    await page.goto(v.url);
    const state = await viewerReady(page);
    expect(state.sliceCount).toBe(FIB.calls);
    await expect.poll(() => page.locator('.flamegraph').isVisible()).toBe(true);
    await screenshot(page, 'vizviewer-gz-flamegraph');
    expect(await v.exited).toBe(0);
    await page.close();
  });

  it('DIR: the list shows the traces, a new one appears, and a click opens it in the viewer', async () => {
    const { dir, file } = fibTrace('fib.json');
    const v = await startVizviewer(['--server-only', '.'], dir);
    try {
      const page = await context.newPage();
      await page.goto(v.url);
      await expect.poll(() => page.locator('tr[data-name]').count()).toBe(1);
      copyFileSync(file, join(dir, 'second.json'));
      await expect.poll(() => page.locator('tr[data-name]').count(), { timeout: 10_000 }).toBe(2);
      await screenshot(page, 'vizviewer-directory');
      await page.locator('tr[data-name="second.json"] a').first().click();
      const state = await viewerReady(page);
      expect(state.sliceCount).toBe(FIB.calls);
      expect(state.format).toBe('binary');
      expect(await page.locator('.toolbar .title').textContent()).toBe('second.json');
      expect(await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.search('fib'))).toBe(FIB.calls);
      await page.close();
    } finally {
      v.stop();
    }
  });
});
