/**
 * The one place the loader talks to the runtime: install `globalThis.__viztracer__`, start
 * recording and save at exit. Runs in the main thread and in every worker; the runtime decides
 * what a worker does.
 */
import { installNodeRuntime } from '../../runtime/install-node.js';
import type { ChildConfig } from '../child-config.js';

export function installRuntime(config: ChildConfig): void {
  installNodeRuntime({
    output: config.outputFile,
    root: config.root,
    tracerEntries: config.tracerEntries,
    maxStackDepth: config.maxStackDepth < 0 ? undefined : config.maxStackDepth,
    minDuration: BigInt(config.minDurationNs),
    quiet: config.quiet,
    // Older configs (or a hand-written VIZTRACER_CONFIG) may lack the log fields: off.
    logPrint: config.logPrint === true,
    hidePrint: config.hidePrint === true,
    logGc: config.logGc === true,
    logSparse: config.logSparse === true,
    reprLimit: typeof config.reprLimit === 'number' ? config.reprLimit : undefined,
  });
}
