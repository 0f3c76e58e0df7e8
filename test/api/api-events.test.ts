/** The VizTracer API in a real Node process: every custom event kind, exact, and loadable. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiProject, node, readChecked, shapes, viztracer } from './helpers.js';

describe('VizTracer custom events', () => {
  it('writes instants, counters, logVar, logEvent, VizCounter, VizObject, magic-comment logs and the sync marker', async () => {
    const dir = apiProject();
    const r = node(['events.mjs'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'VizTracerError INVALID_ARGUMENT',
      'VizTracerError INVALID_ARGUMENT',
      'VizTracerError INVALID_ARGUMENT',
      'saved 14',
      '',
    ].join('\n'));
    const trace = await readChecked(join(dir, 'events.json'));
    expect(shapes(trace)).toEqual([
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'thread instant', args: { n: 1, s: 'x', o: '{deep: [1]}' } },
      { ph: 'I', cat: 'INSTANT', s: 'p', name: 'process instant' },
      { ph: 'I', cat: 'INSTANT', s: 'g', name: 'global instant' },
      { ph: 'C', name: 'memory', args: { rss: 10, heap: 5 } },
      { ph: 'C', name: 'num', args: { value: 3 } },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'obj', args: { object: '{a: [1, 2]}' } },
      { ph: 'X', cat: 'custom', name: 'block' },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'magic', args: { from: 'comment' } },
      { ph: 'C', name: 'queue', args: { length: 3 } },
      { ph: 'C', name: 'queue', args: { length: 3, waiting: 1 } },
      { ph: 'N', cat: 'OBJECT', id: '0x1', name: 'cache' },
      { ph: 'O', cat: 'OBJECT', id: '0x1', name: 'cache', args: { snapshot: { size: 1 } } },
      { ph: 'O', cat: 'OBJECT', id: '0x1', name: 'cache', args: { snapshot: { size: 1, name: 'lru' } } },
      { ph: 'D', cat: 'OBJECT', id: '0x1', name: 'cache' },
    ]);
    const block = trace.traceEvents.find((e) => e.name === 'block')!;
    expect(block.dur).toBeGreaterThan(0);
    const marker = trace.viztracer_metadata['sync_marker'] as number;
    const last = trace.traceEvents.at(-1)!;
    expect(marker).toBeGreaterThan(last.ts); // same time base as ts, set after the last event
    expect(trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name')?.args).toEqual({ name: 'Main' });
  });

  it('rejects unknown, build-time and mistyped options with VizTracerError', () => {
    const dir = apiProject();
    const program = `import { VizTracer } from 'viztracer';
for (const o of [{ nope: 1 }, { logVar: ['x'] }, { tracerEntries: 'many' }, { reprLimit: 2 }, { combine: ['a'] }]) {
  try { new VizTracer(o); console.log('accepted'); } catch (e) { console.log(e.code + ': ' + e.message); }
}`;
    const r = node(['--input-type=module', '-e', program], dir);
    expect(r.stdout.trim().split('\n')).toEqual([
      'UNKNOWN_OPTION: [viztracer] unknown VizTracer option "nope"',
      'INVALID_OPTION: [viztracer] option "logVar" is applied when the code is built: give --log-var to the viztracer CLI, the bundler plugin or the tsc transformer',
      'INVALID_OPTION: [viztracer] option "tracerEntries" expects an integer, got "many"',
      'INVALID_OPTION: [viztracer] option "reprLimit" expects 8 or more, got 2',
      'INVALID_OPTION: [viztracer] option "combine" exists only on the command line',
    ]);
  });
});

describe('VizTracer under the CLI', () => {
  it('attaches to the installed runtime, records into its trace, and says which options it cannot apply', async () => {
    const dir = apiProject();
    const r = viztracer(['--quiet', '-o', 'cli.json', 'attach.mjs'], dir);
    expect(r.stdout).toBe('attached true\n');
    expect(r.stderr).toContain('viztracer: new VizTracer(): logPrint (--log-print) ignored: the runtime is already installed');
    const trace = await readChecked(join(dir, 'cli.json'));
    expect(shapes(trace).filter((e) => e.ph === 'I')).toEqual([{ ph: 'I', cat: 'INSTANT', s: 't', name: 'from the attached tracer' }]);
  });
});
