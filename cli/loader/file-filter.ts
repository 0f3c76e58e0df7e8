/**
 * Which files get instrumented: --include-files / --exclude-files prefixes, node_modules only
 * when an include path points into it, and never viztracer's own files.
 */
import { fileURLToPath } from 'node:url';
import type { ChildConfig } from '../child-config.js';

/** dist/ and bin/ of this package (this file is dist/cli/loader/file-filter.js). */
const OWN_PREFIXES = [
  fileURLToPath(new URL('../../', import.meta.url)),
  fileURLToPath(new URL('../../../bin/', import.meta.url)),
];

const NODE_MODULES = /[\\/]node_modules[\\/]/;

export function shouldInstrument(file: string, config: ChildConfig): boolean {
  if (OWN_PREFIXES.some((p) => file.startsWith(p))) return false;
  const include = config.includeFiles;
  if (include) {
    const matches = include.filter((p) => file.startsWith(p));
    if (matches.length === 0) return false;
    if (NODE_MODULES.test(file) && !matches.some((p) => NODE_MODULES.test(`${p}/`))) return false;
  } else if (NODE_MODULES.test(file)) {
    return false;
  }
  return !config.excludeFiles?.some((p) => file.startsWith(p));
}
