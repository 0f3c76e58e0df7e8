/**
 * VizCounter: a counter event (ph "C", one track per attribute in Perfetto) with every public
 * attribute, logged each time one is assigned: `const c = new VizCounter(tracer, "queue");
 * c.length = 3; c.waiting = 1`. Attributes must be numbers; anything else is a VizTracerError.
 */
import { counterArgs } from './custom-events.js';
import { checkName } from './custom-events.js';
import { observe, publicAttributes, stateOf, type EventBaseOptions } from './event-base.js';
import type { VizTracer } from './viztracer.js';

export class VizCounter {
  [attribute: string]: unknown;

  constructor(tracer: VizTracer | undefined, name: string, options: EventBaseOptions = {}) {
    checkName('new VizCounter()', name);
    // eslint-disable-next-line no-constructor-return
    return observe(this, { tracer, name, triggerOnChange: options.triggerOnChange ?? true }, (self) => self.log(), (key, value) => {
      counterArgs(`VizCounter("${name}")`, { [key]: value });
    });
  }

  /** Logs the counter now (what every assignment does when triggerOnChange is on). */
  log(): void {
    const { tracer, name } = stateOf(this);
    if (tracer === undefined || !tracer.enabled) return;
    tracer.counter(name, Object.fromEntries(publicAttributes(this)) as Record<string, number>);
  }
}
