/**
 * The few browser and worker globals the browser runtime touches, typed structurally: the project
 * compiles without the DOM lib (adding it would change every Node file's globals), and a missing
 * one (a worker has no `document`) must be checked at run time anyway.
 */

export interface MessageEventLike {
  data: unknown;
  ports: readonly MessagePortLike[];
  stopImmediatePropagation(): void;
}

export interface MessagePortLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  onmessage: ((event: MessageEventLike) => void) | null;
  close?(): void;
}

export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  terminate(): void;
}

export type WorkerConstructor = new (url: unknown, options?: { name?: string }) => WorkerLike;

export interface ElementLike {
  style: Record<string, string>;
  click(): void;
  remove(): void;
  href?: string;
  download?: string;
}

export interface DocumentLike {
  readonly visibilityState: string;
  readonly body: { appendChild(e: ElementLike): void } | null;
  readonly documentElement: { appendChild(e: ElementLike): void };
  createElement(tag: 'a'): ElementLike;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface BrowserGlobals {
  performance: { now(): number; readonly timeOrigin: number };
  document?: DocumentLike;
  location?: { href: string };
  Worker?: WorkerConstructor;
  /** Dedicated worker scope: `name` from `new Worker(url, { name })`, `postMessage` to the parent. */
  name?: string;
  postMessage?: (message: unknown, transfer?: unknown[]) => void;
  close?: () => void;
  /** Present in every worker scope (dedicated, shared, service). */
  WorkerGlobalScope?: unknown;
  DedicatedWorkerGlobalScope?: abstract new () => unknown;
  MessageChannel: new () => { port1: MessagePortLike; port2: MessagePortLike };
  URL: { createObjectURL(blob: Blob): string; revokeObjectURL(url: string): void };
  fetch: typeof fetch;
  console: Console;
}

export const browserGlobals = (): BrowserGlobals => globalThis as unknown as BrowserGlobals;

/** A dedicated worker (the only kind with a parent to send its thread to). */
export function isDedicatedWorker(g: BrowserGlobals): boolean {
  return typeof g.DedicatedWorkerGlobalScope === 'function' && globalThis instanceof g.DedicatedWorkerGlobalScope;
}
