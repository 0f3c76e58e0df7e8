/**
 * Module hooks (Node 20 `module.register`, run on the loader thread): TypeScript entry points and
 * imports, instrumentation of ES modules, and `.js` specifiers that name .ts files. CommonJS is
 * handed back to Node's CJS loader (source null), where the `_compile` patch instruments it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type ChildConfig } from '../child-config.js';
import { transformFile, tsFormat, TS_FILE } from './transform-file.js';

interface ResolveContext { parentURL?: string; conditions?: string[]; importAttributes?: Record<string, string> }
interface ResolveResult { url: string; format?: string | null; shortCircuit?: boolean }
interface LoadContext { format?: string | null; conditions?: string[]; importAttributes?: Record<string, string> }
interface LoadResult { format: string; source?: string | ArrayBuffer | Uint8Array | null; shortCircuit?: boolean }

let config: ChildConfig;

export function initialize(data: ChildConfig): void {
  config = data;
}

/** Where a TS author's specifier may really point: `./a.js` -> `./a.ts`, `./a` -> `./a.ts`. */
function tsCandidates(specifier: string): string[] {
  const m = /\.(c|m)?js(x)?$/.exec(specifier);
  if (m) {
    const base = specifier.slice(0, m.index);
    if (m[2]) return [`${base}.tsx`];
    return m[1] ? [`${base}.${m[1]}ts`] : [`${base}.ts`, `${base}.tsx`];
  }
  if (/\.[A-Za-z]+$/.test(specifier)) return [];
  return ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'].map((ext) => specifier + ext);
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context?: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  try {
    return await nextResolve(specifier, context);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier.startsWith('file:');
    if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_UNSUPPORTED_DIR_IMPORT') || !relative) throw e;
    for (const candidate of tsCandidates(specifier)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // next candidate
      }
    }
    throw e;
  }
}

export async function load(
  url: string,
  context: LoadContext,
  nextLoad: (url: string, context?: LoadContext) => Promise<LoadResult>,
): Promise<LoadResult> {
  if (!url.startsWith('file:')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  if (TS_FILE.test(file)) {
    const source = await readFile(file, 'utf8');
    const format = tsFormat(file, source);
    // CommonJS TS: Node's CJS loader runs it through require.extensions['.ts'] + the _compile patch.
    if (format === 'commonjs') return { format: 'commonjs', source: null, shortCircuit: true };
    return { format: 'module', source: transformFile(file, source, 'module', config) ?? source, shortCircuit: true };
  }
  const result = await nextLoad(url, context);
  if (result.format !== 'module' || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
  const code = transformFile(file, source, 'module', config);
  return code === null ? result : { ...result, source: code };
}
