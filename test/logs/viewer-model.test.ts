import { copyFileSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../viewer/format/decode-model.js';
import { encodeModel } from '../../viewer/format/encode-model.js';
import { argsText } from '../../viewer/model/args-table.js';
import { loadTrace } from '../../viewer/model/load-trace.js';
import { repoRoot, runViztracer } from '../support/run-cli.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { LOG_ARGS } from './log-events.js';

/**
 * The runtime's real log output, read by our viewer's model (JSON path and the binary vizviewer and
 * reports use) and by DevTools' trace engine: instants, counters and call args all arrive.
 */
describe('a trace with every log kind, through the viewer model', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'vt-logs-viewer-')));
  copyFileSync(join(repoRoot, 'fixtures/logs/main.ts'), join(dir, 'main.ts'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const r = runViztracer(['-o', 'out.json', ...LOG_ARGS, 'main.ts'], dir);
  const text = readFileSync(join(dir, 'out.json'), 'utf8');

  it('loads with no warning: instants on the main thread, a counter track, args on the calls', () => {
    expect(r.status).toBe(0);
    const m = loadTrace(new TextEncoder().encode(text));
    expect(m.warnings).toEqual([]);
    const instants = Array.from(m.instants.name, (id) => m.names[id]);
    expect(instants).toEqual(expect.arrayContaining(['Variable Assign - total', 'Exception - RangeError: out of range', 'Function Entry - Counter.bump', 'checkpoint']));
    expect(m.tracks.filter((t) => t.kind === 'counter').map((t) => t.name)).toEqual(expect.arrayContaining(['Variable Assign - sum', 'final']));
    const add = Array.from(m.name).findIndex((id) => m.names[id] === 'add (main.ts:9)');
    expect(JSON.parse(argsText(m.args, m.argsRef[add]!))).toMatchObject({ func_args: { a: '0', b: '1', rest: '[1]' }, return_value: '2' });
    const fail = Array.from(m.name).findIndex((id) => m.names[id] === 'fail (main.ts:18)');
    expect(JSON.parse(argsText(m.args, m.argsRef[fail]!))).toEqual({ exception: 'RangeError: out of range' });
    expect(decodeModel(encodeModel(m))).toEqual(m);
  });

  it('keeps every slice in DevTools\' trace engine', async () => {
    const v = await validateWithTraceEngine((JSON.parse(text) as { traceEvents: Parameters<typeof validateWithTraceEngine>[0] }).traceEvents);
    expect(v.inTree).toBe(v.expected);
  });
});
