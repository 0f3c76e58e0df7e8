/**
 * The shared machinery of VizCounter and VizObject (VizTracer's _EventBase). Implemented with a
 * Proxy: the constructor returns a proxy of the instance whose `set` trap logs after every write
 * to a public attribute (a name not starting with "_"), including attributes added later, which
 * accessors defined up front could not catch. With `tracer` undefined every call is a no-op.
 */
import type { VizTracer } from './viztracer.js';

export interface EventBaseOptions {
  /** Log on every write to a public attribute. @default true */
  triggerOnChange?: boolean;
}

interface State {
  tracer: VizTracer | undefined;
  name: string;
  triggerOnChange: boolean;
}

const states = new WeakMap<object, State>();

export function stateOf(self: object): State {
  return states.get(self)!;
}

/** Wraps `self` (call from the subclass constructor and return the result). */
export function observe<T extends object>(self: T, state: State, log: (self: T) => void, check: (key: string, value: unknown) => void): T {
  const proxy = new Proxy(self, {
    set(target, key, value, receiver) {
      const isPublic = typeof key === 'string' && !key.startsWith('_');
      if (isPublic) check(key, value);
      const ok = Reflect.set(target, key, value, receiver);
      if (ok && isPublic && state.triggerOnChange) log(proxy);
      return ok;
    },
  });
  states.set(proxy, state);
  states.set(self, state);
  return proxy;
}

/** Own enumerable public attributes, in definition order. */
export function publicAttributes(self: object): [string, unknown][] {
  return Object.entries(self).filter(([key]) => !key.startsWith('_'));
}
