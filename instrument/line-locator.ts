/** Turns UTF-16 offsets (what oxc-parser and magic-string use) into 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export type Locate = (offset: number) => Position;

export function createLocator(code: string): Locate {
  const lineStarts = findLineStarts(code);
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

function findLineStarts(code: string): number[] {
  const lineStarts = [0];
  // Most files end lines with \n alone: indexOf skips through them several times faster than a
  // charCodeAt loop (which was ~5% of the plugin's time on webpack's lib/).
  if (code.indexOf('\r') === -1 && code.indexOf('\u2028') === -1 && code.indexOf('\u2029') === -1) {
    for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return lineStarts;
  }
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    // \r\n counts once: the \n that follows a \r starts the line.
    if (c === 10 || (c === 13 && code.charCodeAt(i + 1) !== 10) || c === 0x2028 || c === 0x2029) {
      lineStarts.push(i + 1);
    }
  }
  return lineStarts;
}
