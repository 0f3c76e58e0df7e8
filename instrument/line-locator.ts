/** Turns UTF-16 offsets (what oxc-parser and magic-string use) into 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export type Locate = (offset: number) => Position;

export function createLocator(code: string): Locate {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    // \r\n counts once: the \n that follows a \r starts the line.
    if (c === 10 || (c === 13 && code.charCodeAt(i + 1) !== 10) || c === 0x2028 || c === 0x2029) {
      lineStarts.push(i + 1);
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}
