/**
 * The package's "." export on Node: the tracer API (VizTracer, getTracer, logSparse, ...) plus the
 * runtime's building blocks. Browsers get browser-index.ts through the "browser" condition.
 */
import { nodePlatform } from './api/node-platform.js';
import { api } from './api/entry-exports.js';
import { setPlatform } from './api/platform.js';

setPlatform(nodePlatform);

// Bound here, not re-exported: see api/entry-exports.ts.
export const { VizTracer, getTracer, logSparse, ignoreFunction, traceAndSave, VizCounter, VizObject } = api;
export type * from './api/index.js';
/** The instance types of the classes bound above (a const does not name a type). */
export type VizTracer = import('./api/viztracer.js').VizTracer;
export type VizCounter = import('./api/viz-counter.js').VizCounter;
export type VizObject = import('./api/viz-object.js').VizObject;
export { createSafeRepr, type SafeRepr, type SafeReprOptions } from './safe-repr.js';
export { createRecorder, type Recorder } from './recorder.js';
export type { RecorderOptions, NsClock } from './recorder-options.js';
export type { RecorderSnapshot, EventSegment } from './recorder-snapshot.js';
export type { FunctionInfo } from './function-registry.js';
export { installNodeRuntime, saveTrace, type NodeRuntime } from './install-node.js';
export type { NodeRuntimeOptions } from './node-runtime-options.js';
export { writeTrace, type TraceWriteOptions } from './trace-writer.js';
export { parseDuration } from './parse-duration.js';
export type * from './trace-format.js';
export { FORMAT_VERSION } from './trace-format.js';
export type * from './probe-protocol.js';
export { VizTracerError, type VizTracerErrorCode } from './viztracer-error.js';
