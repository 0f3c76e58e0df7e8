/**
 * Which files get instrumented: --include-files / --exclude-files prefixes, node_modules only
 * when an include path points into it, and never viztracer's own files.
 */
import { fileURLToPath } from 'node:url';
import { isIncludedFile } from '../../instrument/index.js';
import type { ChildConfig } from '../child-config.js';

/** dist/ and bin/ of this package (this file is dist/cli/loader/file-filter.js). */
const OWN_PREFIXES = [
  fileURLToPath(new URL('../../', import.meta.url)),
  fileURLToPath(new URL('../../../bin/', import.meta.url)),
];

export function shouldInstrument(file: string, config: ChildConfig): boolean {
  return !OWN_PREFIXES.some((p) => file.startsWith(p)) && isIncludedFile(file, config);
}
