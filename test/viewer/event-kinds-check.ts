/**
 * The browser checks for fixtures/traces/event-kinds.json, shared by every way the page gets it
 * (embedded JSON, the report's embedded binary, vizviewer's /trace.bin): call args in the details,
 * an instant marker clicked, a counter graph clicked, a flow between two slices followed, an
 * object's snapshot opened. Screenshots go to test/artifacts/<prefix>-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));

const hook = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async (h) => ${fn})(window.__viztracerViewer)`) as Promise<T>;
const details = (page: Page): Promise<string> => hook<string>(page, 'h.details()');

async function shot(page: Page, prefix: string, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${prefix}-${name}.png`) });
}

async function click(page: Page, point: { x: number; y: number } | null): Promise<void> {
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

export async function checkEventKinds(page: Page, prefix: string, format: 'json' | 'binary'): Promise<void> {
  await hook(page, 'h.ready');
  const state = await hook<Record<string, unknown>>(page, 'h.state');
  expect(state).toMatchObject({ format, sliceCount: 5, instantCount: 3, flowCount: 1, objectCount: 3, warnings: [] });
  expect((state['tracks'] as { name: string; kind: string; sliceCount: number; instantCount: number; series: string[] }[]).map((t) => [t.name, t.kind, t.sliceCount, t.instantCount, t.series])).toEqual([
    ['MainThread', 'thread', 3, 3, []],
    ['worker 1', 'thread', 2, 0, []],
    ['Variable Assign - queue', 'counter', 0, 0, ['queue']],
    ['memory', 'counter', 0, 0, ['heapUsed', 'rss']],
  ]);
  await shot(page, prefix, 'timeline');

  // A call's args: clicked on the canvas, the details name its arguments and return value.
  const add = await hook<number>(page, "h.selectByName('add (src/app.ts:8)')");
  await page.keyboard.press('Escape');
  await click(page, await hook(page, `h.pointOf(${add})`));
  await expect.poll(() => details(page)).toContain('add (src/app.ts:8)');
  const text = await details(page);
  for (const part of ['Arguments', '"a": "1"', 'Return value', '"3"', 'return a + b;']) expect(text).toContain(part);
  await shot(page, prefix, 'args');

  // An instant marker: its scope and args.
  const sum = await hook<number>(page, "h.selectInstant('Variable Assign - sum')");
  await page.keyboard.press('Escape');
  await click(page, await hook(page, `h.pointOfInstant(${sum})`));
  await expect.poll(() => details(page)).toContain('Variable Assign - sum');
  expect(await details(page)).toContain('instant (thread scope)');
  expect(await details(page)).toContain('"3"');
  await shot(page, prefix, 'instant');

  // The counter graph: every series' value at the clicked time (150 µs: the sample at 100 µs).
  await click(page, await hook(page, "h.pointOfTime('memory', 150)"));
  await expect.poll(() => details(page)).toMatch(/heapUsed\s+3000/);
  expect(await details(page)).toMatch(/rss\s+5500/);
  await shot(page, prefix, 'counter');

  // The flow joins post() to the worker's onMessage(); the link in post's details goes there.
  expect(await hook(page, 'h.flows()')).toEqual([{ name: 'postMessage', from: 'post (src/app.ts:12)', to: 'onMessage (src/worker.ts:2)' }]);
  await hook(page, "h.selectByName('post (src/app.ts:12)')");
  await shot(page, prefix, 'flow');
  await page.locator('#details a.flow-link[data-dir=out]').click();
  await expect.poll(() => page.locator('#details .slice-name').textContent()).toBe('onMessage (src/worker.ts:2)');
  expect(await page.locator('#details a.flow-link[data-dir=in]').textContent()).toBe('← from post (src/app.ts:12)');

  // Objects: the list, and the snapshot's args.
  await hook(page, "h.setView('objects')");
  expect(await hook(page, 'h.objects()')).toEqual([{ name: 'Cache', id: '0x1', phases: 'NOD' }]);
  await page.locator('#objects tr.row').first().click();
  await page.locator('#object-events a.object-event[data-ph=O]').click();
  await expect.poll(() => page.locator('#object-args').innerText()).toContain('"size": 2');
  await shot(page, prefix, 'objects');
}
