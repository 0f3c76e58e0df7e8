/**
 * Node worker threads in the trace. Each worker has its own recorder (the loader hooks and the
 * runtime run in every thread); when a worker ends, it writes its recording as a ThreadData
 * message (browser-thread-data.ts, the format browser workers post to their page), serialised with
 * v8.serialize, to `<output>.threads/<pid>-<threadId>.bin`. Every save of the main thread reads
 * the files of its process and adds one thread per worker to the trace (tid = threadId); they are
 * removed at exit, after the last save.
 * hrtime is one clock for the whole process, so no time shift is needed.
 *
 * A worker still running when the main thread saves (at exit, Node ends workers without running
 * their exit handlers) is not in the trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import { fromThreadData, toThreadData, type ThreadData } from './browser-thread-data.js';
import type { RecorderSnapshot } from './recorder-snapshot.js';

export interface WorkerThreadTrace {
  tid: number;
  name: string;
  snapshot: RecorderSnapshot;
}

export const threadsDirOf = (output: string): string => `${output}.threads`;

/** In a worker: its recording, for the main thread's next save. */
export function saveWorkerThread(snapshot: RecorderSnapshot, output: string): void {
  const dir = threadsDirOf(output);
  const file = path.join(dir, `${process.pid}-${threadId}.bin`);
  fs.mkdirSync(dir, { recursive: true });
  // Written beside, then renamed: the main thread never reads half a file.
  fs.writeFileSync(`${file}.tmp`, v8.serialize(toThreadData(snapshot, undefined, 0)));
  fs.renameSync(`${file}.tmp`, file);
}

/** This process's worker files in the threads directory. */
function ownFiles(output: string): { file: string; tid: number }[] {
  const dir = threadsDirOf(output);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${process.pid}-`;
  return names.filter((name) => name.startsWith(prefix) && name.endsWith('.bin'))
    .map((name) => ({ file: path.join(dir, name), tid: Number.parseInt(name.slice(prefix.length), 10) }));
}

/** In the main thread: the recordings of this process's workers that ended, oldest thread first. */
export function collectWorkerThreads(output: string): WorkerThreadTrace[] {
  const threads: WorkerThreadTrace[] = [];
  for (const { file, tid } of ownFiles(output)) {
    try {
      const snapshot = fromThreadData(v8.deserialize(fs.readFileSync(file)) as ThreadData, 0);
      threads.push({ tid, name: snapshot.threadName ?? `Worker ${tid}`, snapshot });
    } catch {
      // Unreadable (a worker killed while writing leaves only its .tmp): that worker is left out.
    }
  }
  return threads.sort((a, b) => a.tid - b.tid);
}

/** At exit, after the last save: this process's worker files go (and the directory, once empty). */
export function removeWorkerThreads(output: string): void {
  for (const { file } of ownFiles(output)) fs.rmSync(file, { force: true });
  try {
    fs.rmdirSync(threadsDirOf(output)); // only when empty: another process's workers may be writing theirs
  } catch {
    // not empty, or gone
  }
}
