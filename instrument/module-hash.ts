/**
 * A short, stable identifier for a module's probe variables (`__vt_<hash>`), derived from its
 * path so two files of one bundle or page never share one, and so instrumenting the same file
 * twice names things the same way.
 */
export function moduleHash(path: string): string {
  // FNV-1a, 32 bit: tiny and good enough to keep the files of one program apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
