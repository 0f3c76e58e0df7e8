/**
 * Comments that keep code out of the trace:
 *   `// viztracer-ignore-file`  anywhere in a file: the file is left as it is;
 *   `// viztracer-ignore-next`  (or the block form): the next statement, declaration, class
 *                                member, property or expression is skipped with everything in it.
 */
export interface CommentLike {
  value: string;
  start: number;
  end: number;
}

const IGNORE_FILE = /^\s*viztracer-ignore-file\b/;
const IGNORE_NEXT = /^\s*viztracer-ignore-next\b/;

export function hasIgnoreFileComment(comments: readonly CommentLike[]): boolean {
  return comments.some((c) => IGNORE_FILE.test(c.value));
}

/** Offsets at which an ignored node starts: the first non-blank character after each comment. */
export function findIgnoredStarts(code: string, comments: readonly CommentLike[]): Set<number> {
  const starts = new Set<number>();
  for (const c of comments) {
    if (!IGNORE_NEXT.test(c.value)) continue;
    let i = c.end;
    while (i < code.length && /\s/.test(code[i]!)) i++;
    starts.add(i);
  }
  return starts;
}
