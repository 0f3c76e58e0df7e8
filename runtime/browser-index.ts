/**
 * The package's "." export in browsers and web workers (the "browser" export condition): the same
 * tracer API as on Node, over the browser runtime. No node: imports anywhere below.
 */
import { browserPlatform } from './api/browser-platform.js';
import { api } from './api/entry-exports.js';
import { setPlatform } from './api/platform.js';

setPlatform(browserPlatform);

// Bound here, not re-exported: see api/entry-exports.ts.
export const { VizTracer, getTracer, logSparse, ignoreFunction, traceAndSave, VizCounter, VizObject } = api;
export type * from './api/index.js';
/** The instance types of the classes bound above (a const does not name a type). */
export type VizTracer = import('./api/viztracer.js').VizTracer;
export type VizCounter = import('./api/viz-counter.js').VizCounter;
export type VizObject = import('./api/viz-object.js').VizObject;
export { createSafeRepr, type SafeRepr, type SafeReprOptions } from './safe-repr.js';
export { installBrowserRuntime, type BrowserRuntime, type BrowserRuntimeOptions, type SaveResult } from './install-browser.js';
export type * from './trace-format.js';
export { FORMAT_VERSION } from './trace-format.js';
export { VizTracerError, type VizTracerErrorCode } from './viztracer-error.js';
