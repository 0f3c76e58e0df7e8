/**
 * The `--import` preload of `viztracer run` (also usable as `node --import viztracer/register`).
 * Runs in the main thread and in every worker before user code: installs the runtime,
 * registers the ESM hooks, patches CommonJS, and turns on source maps for stack traces.
 */
import { register } from 'node:module';
import { join } from 'node:path';
import { CONFIG_ENV, parseChildConfig, type ChildConfig } from '../child-config.js';
import { patchCommonJs } from './cjs-patch.js';
import { installRuntime } from './install-runtime.js';

function defaultConfig(): ChildConfig {
  const root = process.cwd();
  return {
    version: 2, outputFile: join(root, 'result.json'), root, tracerEntries: 1_000_000, maxStackDepth: -1,
    minDurationNs: '0', includeFiles: null, excludeFiles: null, quiet: false,
    logs: {}, logPrint: false, hidePrint: false, logGc: false, logSparse: false, reprLimit: 256,
  };
}

const config = parseChildConfig(process.env[CONFIG_ENV]) ?? defaultConfig();

process.setSourceMapsEnabled(true);
installRuntime(config);
register('./hooks.js', import.meta.url, { data: config });
patchCommonJs(config);
