import MagicString from 'magic-string';

/**
 * Text insertions collected while walking the AST, applied in one sorted pass.
 *
 * Why sorted: magic-string finds the chunk for an offset by walking, so random-order edits are
 * quadratic (100k random inserts took 8 minutes, sorted ones 0.4 s: notes/toolchain.md §4).
 *
 * Why the ordering rule: in minified code several constructs open or close at one offset
 * (`m(){return(e,r)=>x(e,r)}`: the arrow's body and the method's body end together). Every
 * insertion belongs to an AST range; at one offset the closings of ranges that end there come
 * first, innermost (deepest) first, then the openings of ranges that start there, outermost
 * first. Each offset gets one insertion with the texts joined in that order.
 */
export interface Insertion {
  pos: number;
  text: string;
  /** AST depth of the range the text belongs to; fractions order wrappers of one node. */
  depth: number;
  /** True when the text closes a range that ends at `pos`. */
  closes: boolean;
}

export class EditList {
  readonly insertions: Insertion[] = [];

  open(pos: number, depth: number, text: string): void {
    this.insertions.push({ pos, text, depth, closes: false });
  }

  close(pos: number, depth: number, text: string): void {
    this.insertions.push({ pos, text, depth, closes: true });
  }

  get isEmpty(): boolean {
    return this.insertions.length === 0;
  }

  applyTo(s: MagicString): void {
    const sorted = this.insertions.slice().sort(compareInsertions);
    let i = 0;
    while (i < sorted.length) {
      // One prependRight per offset, with the texts joined in order.
      const pos = sorted[i]!.pos;
      let text = '';
      while (i < sorted.length && sorted[i]!.pos === pos) text += sorted[i++]!.text;
      s.prependRight(pos, text);
    }
  }
}

function compareInsertions(a: Insertion, b: Insertion): number {
  if (a.pos !== b.pos) return a.pos - b.pos;
  if (a.closes !== b.closes) return a.closes ? -1 : 1;
  return a.closes ? b.depth - a.depth : a.depth - b.depth;
}
