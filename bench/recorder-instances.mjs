/**
 * One recorder module instance per variant (import with a query string), so each variant's
 * recorder closures have their own SharedFunctionInfos and JIT feedback, as in a real traced
 * program where exactly one recorder exists. Diagnostic variants load a patched copy of the
 * compiled recorder (dist/runtime/recorder.js) to see where the traced cost goes; runtime/ itself
 * is never edited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DIST_RUNTIME = new URL('../dist/runtime/', import.meta.url);
const RECORDER_JS = new URL('recorder.js', DIST_RUNTIME);

/**
 * Hot-path simplifications, each [pattern, replacement] on the compiled recorder. They are for
 * measurement only: every one drops a feature (max depth, min duration, stack-capacity guard).
 */
export const RECORDER_PATCHES = {
  nomax: [[/if \(!on \|\| d >= maxDepth\)/, 'if (!on)']],
  nomin: [[/if \(hasMin\) \{[\s\S]*?\}\s*else \{\s*(ringEnds\[i\] = clock\(\);)\s*\}/, '$1']],
  nocap: [[/if \(d >= stackCap\)\s*return NOT_RECORDING;/, '']],
  // The start as one BigInt copy instead of two int32 halves.
  bigcopy: [[/ringStarts32\[2 \* i\] = stackStarts32\[2 \* d\];\s*ringStarts32\[2 \* i \+ 1\] = stackStarts32\[2 \* d \+ 1\];/, 'ringStarts[i] = stackStarts[d];']],
};

/** Imports a fresh createRecorder; `patches` are keys of RECORDER_PATCHES. */
export async function loadCreateRecorder(tag, patches, dir) {
  if (patches.length === 0) return (await import(`${RECORDER_JS.href}?bench=${tag}`)).createRecorder;
  let code = fs.readFileSync(RECORDER_JS, 'utf8');
  for (const key of patches) {
    for (const [pattern, replacement] of RECORDER_PATCHES[key] ?? []) {
      if (!pattern.test(code)) throw new Error(`recorder patch "${key}" no longer applies to dist/runtime/recorder.js`);
      code = code.replace(pattern, replacement);
    }
  }
  code = code.replace(/from '\.\/([\w-]+\.js)'/g, (_, file) => `from '${new URL(file, DIST_RUNTIME).href}'`);
  const file = path.join(dir, `recorder-${tag}.mjs`);
  fs.writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)).createRecorder;
}
