/**
 * The API's values, for the two package entries to re-bind. Why the entries re-bind instead of
 * `export * from`: the package is `"sideEffects": false`, so a bundler resolves a pass-through
 * re-export straight to its source and drops the entry's own statements, including the
 * setPlatform() call; a binding defined in the entry keeps the entry (and that call) in the bundle.
 */
import { VizTracer as VizTracerClass, getTracer as getTracerFn } from './viztracer.js';
import { logSparse as logSparseFn } from './log-sparse.js';
import { ignoreFunction as ignoreFunctionFn } from './ignore-function.js';
import { traceAndSave as traceAndSaveFn } from './trace-and-save.js';
import { VizCounter as VizCounterClass } from './viz-counter.js';
import { VizObject as VizObjectClass } from './viz-object.js';

export const api = {
  VizTracer: VizTracerClass,
  getTracer: getTracerFn,
  logSparse: logSparseFn,
  ignoreFunction: ignoreFunctionFn,
  traceAndSave: traceAndSaveFn,
  VizCounter: VizCounterClass,
  VizObject: VizObjectClass,
};
