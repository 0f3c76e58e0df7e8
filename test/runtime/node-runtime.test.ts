import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installNodeRuntime, saveTrace, type NodeRuntime } from '../../runtime/install-node.js';
import { GLOBAL_NAME } from '../../runtime/probe-protocol.js';
import type { TraceFile } from '../../runtime/trace-format.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { tempDir } from './helpers.js';

let installed: NodeRuntime | undefined;
afterEach(() => {
  installed?.uninstall();
  installed = undefined;
});

describe('installNodeRuntime (in process)', () => {
  it('installs the global, records from the start, and saves on saveTrace()', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'a.ts'), 'function f() {}\n');
    const output = path.join(root, 'trace.json');
    const exitListeners = process.listenerCount('exit');
    installed = installNodeRuntime({ output, root, quiet: true, minDuration: '0ns' });
    expect((globalThis as Record<string, unknown>)[GLOBAL_NAME]).toBe(installed);
    expect(installed.recorder.isRecording).toBe(true);
    // The save trigger, and the removal of worker threads' files after the last save.
    expect(process.listenerCount('exit')).toBe(exitListeners + 2);

    const h = installed.register(['a.ts'], ['f', 0, 1, 1]);
    h.x(h.e(0));
    expect(saveTrace()).toBe(1);
    const trace = JSON.parse(fs.readFileSync(output, 'utf8')) as TraceFile;
    expect(trace.traceEvents.at(-1)).toMatchObject({ ph: 'X', name: 'f (a.ts:1)', pid: process.pid, tid: process.pid });
    expect(trace.file_info.files['a.ts']).toEqual(['function f() {}\n', 1]);

    installed.uninstall();
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(GLOBAL_NAME in globalThis).toBe(false);
  });

  it('returns the runtime already installed instead of installing twice', () => {
    const root = tempDir();
    installed = installNodeRuntime({ output: path.join(root, 'a.json'), root, quiet: true });
    expect(installNodeRuntime({ output: path.join(root, 'b.json'), root })).toBe(installed);
  });

  it('refuses a foreign global', () => {
    const g = globalThis as Record<string, unknown>;
    g[GLOBAL_NAME] = { register() {} };
    try {
      expect(() => installNodeRuntime({ output: '/tmp/x.json' })).toThrow(VizTracerError);
    } finally {
      delete g[GLOBAL_NAME];
    }
  });

  it('validates options once, naming the key or value', () => {
    expect(() => installNodeRuntime({ output: '/tmp/x.json', colour: 1 } as never)).toThrow(/unknown runtime option "colour"/);
    expect(() => installNodeRuntime({ output: 'relative.json' })).toThrow(/"output" must be an absolute path, got "relative.json"/);
    expect(() => installNodeRuntime({ output: '/tmp/x.json', minDuration: '5 parsecs' })).toThrow(/"5 parsecs"/);
    expect(() => installNodeRuntime({ output: '/tmp/x.json', tracerEntries: 1.5 })).toThrow(/tracerEntries/);
    expect(() => installNodeRuntime({ output: '/tmp/x.json', partsDir: 'parts' })).toThrow(/"partsDir" must be an absolute path, got "parts"/);
    expect(GLOBAL_NAME in globalThis).toBe(false);
  });

  it('saveTrace() without a runtime is an INTERNAL error', () => {
    expect(() => saveTrace()).toThrow(/not installed/);
  });
});
