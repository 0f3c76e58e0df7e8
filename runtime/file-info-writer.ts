/**
 * `file_info`, as VizTracer builds it at save time: the source of every file an event names, read
 * from disk (root + relative path), and every event name whose file could be read. Unreadable
 * files are skipped (lenient with data: a missing source never fails the save).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ByteWriter } from './byte-writer.js';
import { eventName, isKnownFunction } from './event-name.js';
import type { FunctionInfo } from './function-registry.js';

/** Writes the `file_info` object for the functions `ids` of each thread. */
export function writeFileInfo(w: ByteWriter, threads: readonly { functions: FunctionInfo; ids: readonly number[] }[], root: string): void {
  const sources = new Map<string, string | undefined>();
  const entries: string[] = [];
  const names = new Set<string>();
  // Each thread has its own function table (its ids index it): the names are what the events show.
  for (const { functions, ids } of threads) {
    for (const id of ids) {
      if (!isKnownFunction(functions, id)) continue;
      const file = functions.files[id]!;
      if (!sources.has(file)) sources.set(file, readSource(root, file));
      if (sources.get(file) === undefined) continue;
      const name = eventName(functions, id);
      if (names.has(name)) continue;
      names.add(name);
      entries.push(`${JSON.stringify(name)}:${JSON.stringify([file, functions.lines[id]])}`);
    }
  }
  w.text('{"files":{');
  let first = true;
  for (const [file, source] of sources) {
    if (source === undefined) continue;
    w.text(`${first ? '' : ','}\n${JSON.stringify(file)}:[`);
    w.text(JSON.stringify(source));
    w.text(`,${countLines(source)}]`);
    first = false;
  }
  w.text('},\n"functions":{');
  for (let i = 0; i < entries.length; i++) w.text(`${i === 0 ? '' : ','}\n${entries[i]}`);
  w.text('}}');
}

function readSource(root: string, file: string): string | undefined {
  if (file.startsWith('<')) return undefined; // <unknown>, <eval>, ...
  try {
    return fs.readFileSync(path.resolve(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Lines as an editor counts them: a final newline does not start a line. */
export function countLines(source: string): number {
  if (source.length === 0) return 0;
  let n = 1;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) n++;
  return source.endsWith('\n') ? n - 1 : n;
}
