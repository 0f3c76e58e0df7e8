/** Public runtime exports. The VizTracer class API comes later. */
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
