/**
 * VizObject: an object in the trace's object view (catapult / chrome://tracing; Perfetto and
 * DevTools ignore N/O/D): `N` when created, `O` with {snapshot: {public attributes}} on every
 * assignment, `D` on dispose() (or `using`). Values are kept as data (primitives) or safe reprs.
 */
import { emptyRecord, setArg, toArgRecord } from '../json-args.js';
import { checkName, DISPOSE } from './custom-events.js';
import { observe, publicAttributes, stateOf, type EventBaseOptions } from './event-base.js';
import type { VizTracer } from './viztracer.js';

let nextId = 1;
const ids = new WeakMap<object, string>();

export class VizObject {
  [attribute: string]: unknown;

  constructor(tracer: VizTracer | undefined, name: string, options: EventBaseOptions = {}) {
    checkName('new VizObject()', name);
    const id = `0x${(nextId++).toString(16)}`;
    const proxy = observe(this, { tracer, name, triggerOnChange: options.triggerOnChange ?? true }, (self) => self.log(), () => undefined);
    ids.set(proxy, id);
    emit(proxy, 'N', undefined);
    // eslint-disable-next-line no-constructor-return
    return proxy;
  }

  /** Logs a snapshot now (what every assignment does when triggerOnChange is on). */
  log(): void {
    const { tracer } = stateOf(this);
    if (tracer === undefined || !tracer.enabled) return; // no snapshot text for an event not written
    const snapshot = toArgRecord(Object.fromEntries(publicAttributes(this)), tracer.recorder.repr) ?? emptyRecord();
    const args = emptyRecord();
    setArg(args, 'snapshot', snapshot);
    emit(this, 'O', args);
  }

  /** Marks the object destroyed (`D`). */
  dispose(): void {
    emit(this, 'D', undefined);
  }

  [DISPOSE](): void {
    this.dispose();
  }
}

function emit(self: VizObject, ph: 'N' | 'O' | 'D', args: ReturnType<typeof emptyRecord> | undefined): void {
  const { tracer, name } = stateOf(self);
  if (tracer === undefined || !tracer.enabled) return;
  tracer.recorder.logs.custom({ ph, name, id: ids.get(self) ?? '0x0', args });
}
