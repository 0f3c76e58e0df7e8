/**
 * Which files get instrumented, as VizTracer's --include_files / --exclude_files decide it: path
 * prefixes (absolute), `node_modules` only when an include prefix points into it. Shared by the
 * loader (cli/) and the tsc transformer so both front ends trace the same files.
 */
export interface FileFilter {
  /** Instrument only files under one of these absolute prefixes. */
  includeFiles?: readonly string[] | null;
  /** Never instrument files under these absolute prefixes. */
  excludeFiles?: readonly string[] | null;
}

const NODE_MODULES = /[\\/]node_modules[\\/]/;

export function isIncludedFile(file: string, filter: FileFilter): boolean {
  const include = filter.includeFiles;
  if (include) {
    const matches = include.filter((p) => file.startsWith(p));
    if (matches.length === 0) return false;
    if (NODE_MODULES.test(file) && !matches.some((p) => NODE_MODULES.test(`${p}/`))) return false;
  } else if (NODE_MODULES.test(file)) {
    return false;
  }
  return !filter.excludeFiles?.some((p) => file.startsWith(p));
}
