/**
 * When the Node runtime saves (DESIGN.md §5, facts in notes/reliability.md §3):
 * - process 'exit': covers normal end, process.exit(n) (keeps n), uncaught exceptions and
 *   unhandled rejections (code 1). We never listen to 'uncaughtException' / 'unhandledRejection':
 *   a listener there suppresses the crash and changes the exit code.
 * - SIGINT / SIGTERM: any listener disables Node's default "die by the signal". So: save; if ours
 *   is the only listener, remove it and re-raise, so the process still dies by the signal (rc
 *   130/143, as signal-exit does for nyc/tap); if the user listens too, save a snapshot and leave
 *   the decision to them (we save again at exit).
 */

/** Signals that save; both die by default. */
export const SAVE_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface SaveTriggers {
  /** Removes every listener installed. */
  remove(): void;
}

/** `save(reason)` must not throw. */
export function installSaveTriggers(save: (reason: 'exit' | NodeJS.Signals) => void): SaveTriggers {
  let dying = false; // re-raised a signal: nothing may save again

  const onExit = (): void => {
    if (!dying) save('exit');
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (dying) return; // a second Ctrl-C queued while we saved
    const alone = process.listenerCount(signal) === 1;
    if (alone) dying = true;
    save(signal);
    if (!alone) return;
    remove();
    process.kill(process.pid, signal);
  };

  function remove(): void {
    process.removeListener('exit', onExit);
    for (const signal of SAVE_SIGNALS) process.removeListener(signal, onSignal);
  }

  process.on('exit', onExit);
  for (const signal of SAVE_SIGNALS) process.on(signal, onSignal);
  return { remove };
}
