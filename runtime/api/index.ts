/**
 * The tracer API's types, shared by the Node and browser entries (which bind the values and the
 * class types: entry-exports.ts).
 */
export type { VizTracerOptions } from './api-options.js';
export type { LoggedEvent, LogFacade } from './custom-events.js';
export type { LogSparseOptions } from './log-sparse.js';
export type { TraceAndSaveOptions } from './trace-and-save.js';
export type { EventBaseOptions } from './event-base.js';
export type { InstantScope } from '../custom-event.js';
export { createSafeRepr, type SafeRepr, type SafeReprOptions } from '../safe-repr.js';
