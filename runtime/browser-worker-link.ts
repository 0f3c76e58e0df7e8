/**
 * How web workers' recordings reach the page's trace, one thread track per worker.
 *
 * Every context records on its own. An instrumented dedicated worker, when its runtime installs,
 * posts `{__viztracer__: 'hello'}` to its parent with a MessagePort; the parent's runtime wraps the
 * `Worker` constructor and catches that message before the app's own listeners (it listens first,
 * and stops the event). At save time the parent asks each worker over its port for a copy of its
 * recording (ThreadData) and the worker answers with its own thread and those of its own workers.
 * A worker calling `save()` asks its parent to save, so one call anywhere saves everything.
 * A worker that closes itself sends its recording first; one terminated by the page is lost.
 */
import type { BrowserGlobals, MessageEventLike, MessagePortLike, WorkerConstructor, WorkerLike } from './browser-globals.js';
import { transferList, type ThreadData } from './browser-thread-data.js';

export const LINK_KEY = '__viztracer__';

/** Messages on a worker's port. */
type PortMessage =
  | { type: 'collect'; id: number } // parent -> worker: send your threads
  | { type: 'threads'; id: number; threads: ThreadData[] } // worker -> parent: the answer (id -1: final, before close)
  | { type: 'save' }; // worker -> parent: save everything

interface Child {
  port: MessagePortLike | undefined;
  final: ThreadData[] | undefined;
  pending: Map<number, (threads: ThreadData[]) => void>;
}

export interface WorkerParent {
  /** Every live worker's threads (nested ones included), in creation order; gives up on a worker after `timeoutMs`. */
  collect(timeoutMs: number): Promise<ThreadData[]>;
  /** Puts the original `Worker` back. */
  restore(): void;
}

/** Wraps `g.Worker` so that instrumented workers link to this context. */
export function linkWorkers(g: BrowserGlobals, onSaveRequest: () => void): WorkerParent {
  const Native = g.Worker;
  const children: Child[] = [];
  let nextId = 1;
  if (Native === undefined) return { collect: async () => [], restore() {} };

  function adopt(worker: WorkerLike): Child {
    const child: Child = { port: undefined, final: undefined, pending: new Map() };
    children.push(child);
    worker.addEventListener('message', (event: MessageEventLike) => {
      const data = event.data as Record<string, unknown> | null;
      if (typeof data !== 'object' || data === null || data[LINK_KEY] !== 'hello') return;
      event.stopImmediatePropagation();
      const port = event.ports[0];
      if (!port) return;
      child.port = port;
      port.onmessage = (e) => onPortMessage(child, e.data as PortMessage);
    });
    return child;
  }

  function onPortMessage(child: Child, message: PortMessage): void {
    if (message.type === 'save') onSaveRequest();
    else if (message.type === 'threads') {
      if (message.id === -1) {
        child.final = message.threads;
        child.port = undefined;
      }
      child.pending.get(message.id)?.(message.threads);
      child.pending.delete(message.id);
    }
  }

  const Traced = class extends (Native as WorkerConstructor) {
    readonly #child: Child;
    constructor(url: unknown, options?: { name?: string }) {
      super(url, options);
      this.#child = adopt(this);
    }
    override terminate(): void {
      this.#child.port = undefined;
      for (const resolve of this.#child.pending.values()) resolve([]);
      super.terminate();
    }
  };
  Object.defineProperty(Traced, 'name', { value: 'Worker' });
  g.Worker = Traced;

  function ask(child: Child, timeoutMs: number): Promise<ThreadData[]> {
    if (child.final) return Promise.resolve(child.final);
    const port = child.port;
    if (!port) return Promise.resolve([]); // not instrumented, not started yet, or terminated
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.pending.delete(id);
        g.console.warn(`viztracer: a worker did not answer within ${timeoutMs} ms (busy?); its thread is left out`);
        resolve([]);
      }, timeoutMs);
      child.pending.set(id, (threads) => {
        clearTimeout(timer);
        resolve(threads);
      });
      port.postMessage({ type: 'collect', id } satisfies PortMessage);
    });
  }

  return {
    async collect(timeoutMs) {
      const answers = await Promise.all(children.map((c) => ask(c, timeoutMs)));
      return answers.flat();
    },
    restore() {
      g.Worker = Native;
    },
  };
}

export interface WorkerChild {
  /** Asks the parent to save everything. */
  requestSave(): void;
}

/**
 * In a dedicated worker: says hello to the parent and answers its requests with `collect()`
 * (this worker's thread, then its own workers'). `own()` must be synchronous (used before close).
 */
export function linkToParent(g: BrowserGlobals, own: () => ThreadData, collect: () => Promise<ThreadData[]>): WorkerChild {
  const channel = new g.MessageChannel();
  const port = channel.port1;
  const send = (id: number, threads: ThreadData[]): void =>
    port.postMessage({ type: 'threads', id, threads } satisfies PortMessage, threads.flatMap(transferList));
  port.onmessage = (event) => {
    const message = event.data as PortMessage;
    if (message.type === 'collect') void collect().then((threads) => send(message.id, threads), () => send(message.id, []));
  };
  g.postMessage?.({ [LINK_KEY]: 'hello' }, [channel.port2]);
  const close = g.close;
  if (typeof close === 'function') {
    g.close = function closeAfterSendingTrace(this: unknown) {
      try {
        send(-1, [own()]);
      } catch {
        // never break the app's close()
      }
      close.call(this);
    };
  }
  return {
    requestSave() {
      port.postMessage({ type: 'save' } satisfies PortMessage);
    },
  };
}
