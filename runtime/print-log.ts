/**
 * --log-print: console.log/info/warn/error/debug calls become instant events "print - <text>".
 * The console keeps working whatever it is given: when formatting throws (a program's toString or
 * Symbol.toPrimitive), the program gets that error, as the console would have thrown it, and
 * recording itself never throws.
 * No node: imports; Node passes util.format, browsers a safe join (the DevTools console then
 * still gets the live objects).
 */
import type { Recorder } from './recorder.js';
import { clip } from './safe-repr-text.js';

export const PRINT_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

type ConsoleMethod = (...args: unknown[]) => void;

export interface PrintLogOptions {
  /** Do not also write the output. */
  hide: boolean;
  /** Text as the console would print it; may throw (then the original method runs as before). */
  format: (args: readonly unknown[]) => string;
  /**
   * 'text': write the formatted text through the original method (Node: formatted once, so a
   * custom inspect hook runs once, as without tracing); 'args': pass the original arguments.
   */
  write: 'text' | 'args';
}

/** Patches `target`'s methods; returns a function that restores them. */
export function installPrintLog(target: Record<string, unknown>, recorder: Recorder, options: PrintLogOptions): () => void {
  const originals: [string, unknown][] = [];
  for (const method of PRINT_METHODS) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    originals.push([method, original]);
    const call = original as ConsoleMethod;
    target[method] = function print(this: unknown, ...args: unknown[]): void {
      let text: string;
      try {
        text = options.format(args);
      } catch (error) {
        // The console formats before writing, so without tracing this call would have thrown this
        // very error (from the program's own toString / toPrimitive) and written nothing.
        record(safeJoin(args, recorder));
        throw error;
      }
      record(text);
      if (options.hide) return;
      if (options.write === 'text') call.call(this ?? target, text);
      else call.apply(this ?? target, args);
    };
  }
  function record(text: string): void {
    try {
      if (recorder.isRecording) {
        recorder.logs.custom({ ph: 'I', name: `print - ${clip(text, recorder.options.reprLimit)}`, scope: 't', args: undefined });
      }
    } catch {
      // never into the program
    }
  }
  return () => {
    for (const [method, original] of originals) target[method] = original;
  };
}

/** Strings as they are, anything else as its safe repr, joined by spaces. */
export function safeJoin(args: readonly unknown[], recorder: Recorder): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    out += (i === 0 ? '' : ' ') + (typeof a === 'string' ? a : recorder.repr(a));
  }
  return out;
}
