/**
 * Event names as VizTracer builds them: "<qualified name> (<relative path>:<line>)", so its
 * file_info regex `.*\((.*):([0-9]*)\)` and ours resolve them to a source line.
 */
import type { FunctionInfo } from './function-registry.js';

export function isKnownFunction(functions: FunctionInfo, id: number): boolean {
  return id >= 0 && id < functions.names.length;
}

export function eventName(functions: FunctionInfo, id: number): string {
  if (!isKnownFunction(functions, id)) return `<unknown #${id}>`;
  const name = functions.names[id]!;
  // Clipped so an escaped event prefix always fits the writer's buffer (>= 64 KB).
  const qualified = name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME)}…`;
  return `${qualified} (${functions.files[id]}:${functions.lines[id]})`;
}

const MAX_NAME = 4096;
