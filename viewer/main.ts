/**
 * Entry point: find the trace (embedded, ?trace= / ./trace.bin / ./trace, or a dropped file), parse
 * or unpack it in the worker, show the app. Any failure is shown on the page, never a blank screen.
 */
import { findTrace, readFile, type FoundTrace } from './load/find-trace.js';
import { App } from './ui/app.js';
import { h } from './ui/dom.js';
import { createHook } from './ui/test-hook.js';
import { parseInWorker, parsedIn } from './worker/parse-in-worker.js';

const root = document.getElementById('app') ?? document.body;
const { hook, attach, fail, timings } = createHook();
(window as unknown as { __viztracerViewer: unknown }).__viztracerViewer = hook;

function status(text: string, isError = false): void {
  root.replaceChildren(h('div', { class: isError ? 'status error' : 'status' }, text));
}

async function show(found: FoundTrace): Promise<void> {
  timings.found = performance.now();
  status(`Parsing ${found.name} (${(found.bytes.length / 1e6).toFixed(1)} MB)…`);
  const t = performance.now();
  const { model, format } = await parseInWorker(found.bytes);
  timings.parsed = performance.now();
  document.title = `${found.name} · viztracer`;
  const app = new App(model, root, found.name, found.source);
  const view = new URLSearchParams(location.search).get('view');
  if (view === 'flamegraph' || view === 'stats' || view === 'objects') app.setView(view);
  performance.mark('viztracer-loaded', { detail: { ms: performance.now() - t } });
  attach(app, parsedIn, format);
}

function dropZone(): void {
  const input = h('input', { type: 'file', accept: '.json,.gz,application/json,application/gzip' });
  const zone = h(
    'div',
    { class: 'drop', id: 'drop' },
    h('h1', {}, 'viztracer viewer'),
    h('p', {}, 'Drop a trace (.json or .json.gz) here, or '),
    input,
    h('p', { class: 'hint' }, 'Everything stays in this page: nothing is uploaded.'),
  );
  root.replaceChildren(zone);
  input.onchange = () => {
    const f = input.files?.[0];
    if (f !== undefined) void openFile(f);
  };
}

async function openFile(f: File): Promise<void> {
  try {
    await show(await readFile(f));
  } catch (e) {
    status(`Could not open ${f.name}: ${e instanceof Error ? e.message : String(e)}`, true);
    fail(e);
  }
}

window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f !== undefined) void openFile(f);
});

async function start(): Promise<void> {
  status('Loading trace…');
  try {
    const found = await findTrace();
    if (found === null) return dropZone();
    await show(found);
  } catch (e) {
    status(`Could not load the trace: ${e instanceof Error ? e.message : String(e)}`, true);
    fail(e);
  }
}

void start();
