/** 2 million events through the streaming writer: count and well-formedness, line by line. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecorder } from '../../runtime/recorder.js';
import type { CompleteEvent } from '../../runtime/trace-format.js';
import { writeTrace } from '../../runtime/trace-writer.js';
import { fakeClock, tempDir } from './helpers.js';

const N = 2_000_000;

describe('writeTrace at scale', () => {
  it(`writes ${N} events, each a well-formed X event, nested as recorded`, () => {
    const recorder = createRecorder({ clock: fakeClock(1_000_000_000n, 7n).clock, tracerEntries: N });
    recorder.start();
    const names = Array.from({ length: 500 }, (_, i) => [`Class${i}.method "${i}"`, 0, i + 1, 1]).flat();
    const h = recorder.register(['src/big.ts'], names);
    for (let i = 0; i < N / 2; i++) {
      const p = h.e(i % 500);
      h.x(h.e((i + 1) % 500));
      h.x(p);
    }
    const root = tempDir();
    const output = path.join(root, 'big.json');
    expect(writeTrace(recorder.snapshot(), { output, root })).toBe(N);

    const bytes = fs.readFileSync(output);
    let at = bytes.indexOf(10) + 1; // after '{"traceEvents":['
    expect(bytes.subarray(0, at).toString()).toBe('{"traceEvents":[\n');
    let lines = 0;
    let events = 0;
    let previous: CompleteEvent | undefined;
    let badNesting = 0;
    for (;;) {
      const end = bytes.indexOf(10, at);
      const line = bytes.toString('utf8', at, end);
      at = end + 1;
      if (line === '],') break;
      const event = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as CompleteEvent;
      lines++;
      if (event.ph !== 'X') continue;
      events++;
      if (events % 2 === 0) {
        // parent after its child: encloses it
        if (!(event.ts <= previous!.ts && event.ts + event.dur >= previous!.ts + previous!.dur)) badNesting++;
      }
      previous = event;
    }
    expect(lines).toBe(N + 2);
    expect(events).toBe(N);
    expect(badNesting).toBe(0);
    const tail = JSON.parse(`{${bytes.toString('utf8', at)}`) as { viztracer_metadata: { dropped: number } };
    expect(tail.viztracer_metadata.dropped).toBe(0);
  });
});
