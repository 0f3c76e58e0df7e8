/**
 * Directory mode: the traces directly in one directory, read afresh on every request so files
 * written after the server started appear. Only regular files with a trace extension are listed
 * (no sub-directories, no symbolic links): a name is served only if it is in this list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { kindFromName, type TraceFile } from './trace-input.js';

export function listTraces(dir: string): TraceFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const traces: TraceFile[] = [];
  for (const name of names) {
    const kind = kindFromName(name);
    // Our own temp files while a trace or report is being written: `x.json.123.tmp` never matches.
    if (!kind) continue;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(path.join(dir, name));
    } catch {
      continue; // removed meanwhile
    }
    if (!stat.isFile() || stat.size === 0) continue;
    traces.push({ file: path.join(dir, name), name, kind, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  // Newest first: the trace just written is at the top.
  return traces.sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name));
}

/** The listed trace with exactly this name, or undefined. */
export function findTrace(dir: string, name: string): TraceFile | undefined {
  return listTraces(dir).find((t) => t.name === name);
}
