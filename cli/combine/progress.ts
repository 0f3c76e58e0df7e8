/**
 * One self-overwriting status line on a terminal while a combine runs (two passes over traces
 * that may take a minute): DESIGN.md §7, every long job shows progress on a TTY and is quiet with
 * --quiet. Nothing is printed when stderr is not a terminal, so logs and tests see only results.
 */

/** Called every EVERY events with the pass, the input's name and its events so far. */
export type ProgressTick = (pass: 'reading' | 'writing', name: string, events: number) => void;

/** How often a pass reports: a power of two minus one, used as a mask on the event index. */
export const EVERY_MASK = 0xffff;

const INTERVAL_MS = 250;

export interface Progress {
  tick: ProgressTick;
  /** Clears the line before the final message. */
  done(): void;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return { tick: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    tick(pass, name, events) {
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[Kviztracer: ${pass} ${name}: ${(events / 1e6).toFixed(1)}M events`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
