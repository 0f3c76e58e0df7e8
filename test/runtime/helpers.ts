/** Shared helpers of the runtime tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecorder, type Recorder } from '../../runtime/recorder.js';
import type { RecorderOptions } from '../../runtime/recorder-options.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';

/** A deterministic clock: every read returns the previous value + `step` ns. */
export function fakeClock(start = 1_000_000n, step = 1_000n): { clock: () => bigint; now: () => bigint; advance(ns: bigint): void } {
  let t = start;
  return {
    clock: () => {
      const v = t;
      t += step;
      return v;
    },
    now: () => t,
    advance(ns: bigint) {
      t += ns;
    },
  };
}

export function fakeRecorder(options: Omit<RecorderOptions, 'clock'> = {}): Recorder {
  const recorder = createRecorder({ clock: fakeClock().clock, wallClock: () => 1_700_000_000_000_000_000n, ...options });
  recorder.start();
  return recorder;
}

/** Events as `name start-end` lines (names from the function table), for readable asserts. */
export function eventLines(recorder: Recorder): string[] {
  const names = recorder.functions.names;
  return snapshotEvents(recorder.snapshot()).map(
    (e) => `${names[e.id] ?? `#${e.id}`} ${e.start}-${e.end}${e.unfinished ? ' unfinished' : ''}`,
  );
}

/** Table of `names` in one file `file`, lines 1.., column 1. */
export function table(names: readonly string[]): (string | number)[] {
  return names.flatMap((name, i) => [name, 0, i + 1, 1]);
}

export function tempDir(prefix = 'vt-runtime-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
