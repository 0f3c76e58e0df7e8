/**
 * CommonJS side of the loader (pirates/nyc style): instrument in `Module.prototype._compile`
 * so require keeps full CJS semantics (require.cache, __dirname, top-level return), teach
 * require the .ts/.cts/.tsx extensions, and let `require('./x.js')` find x.ts as tsc users expect.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { isAbsolute } from 'node:path';
import type { ChildConfig } from '../child-config.js';
import { hasModuleSyntax, transformFile, TS_FILE } from './transform-file.js';

/** The internals we patch; @types/node does not declare them. */
interface ModuleInternals {
  prototype: { _compile(this: unknown, content: string, filename: string, format?: string): unknown };
  _extensions: Record<string, (module: { _compile(content: string, filename: string, format?: string): unknown }, filename: string) => void>;
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
}

const JS_TO_TS: [RegExp, string[]][] = [
  [/\.js$/, ['.ts', '.tsx']],
  [/\.cjs$/, ['.cts']],
  [/\.mjs$/, ['.mts']],
  [/\.jsx$/, ['.tsx']],
];

export function patchCommonJs(config: ChildConfig): void {
  const M = Module as unknown as ModuleInternals;
  const compile = M.prototype._compile;
  M.prototype._compile = function (content, filename, format) {
    if (typeof content === 'string' && typeof filename === 'string' && isAbsolute(filename)) {
      const isTs = TS_FILE.test(filename);
      const target = format === 'module' || (!isTs && format === undefined && hasModuleSyntax(filename, content)) ? 'module' : 'commonjs';
      const out = transformFile(filename, content, target, config);
      if (out !== null) return compile.call(this, out, filename, isTs ? 'commonjs' : format);
    }
    return compile.call(this, content, filename, format);
  };

  const loadTs = M._extensions['.ts'] ?? ((module, filename) => {
    module._compile(readFileSync(filename, 'utf8'), filename, 'commonjs');
  });
  for (const ext of ['.ts', '.cts', '.tsx']) M._extensions[ext] ??= loadTs;

  const resolveFilename = M._resolveFilename;
  M._resolveFilename = function (request, parent, ...rest) {
    try {
      return resolveFilename.call(this, request, parent, ...rest);
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND' || !request.startsWith('.')) throw e;
      for (const [re, exts] of JS_TO_TS) {
        if (!re.test(request)) continue;
        for (const ext of exts) {
          try {
            return resolveFilename.call(this, request.replace(re, ext), parent, ...rest);
          } catch {
            // try the next candidate
          }
        }
      }
      throw e;
    }
  };
}
