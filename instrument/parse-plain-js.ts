import * as acorn from 'acorn';
import type { Node } from './estree.js';
import type { CommentLike } from './ignore-comments.js';
import type { SourceKind } from './types.js';

/**
 * Plain JavaScript (no JSX, no types) through acorn, which builds the ESTree objects directly.
 *
 * Why not oxc-parser here: before Node 22 it cannot use raw transfer (it needs ArrayBuffers over
 * 4 GiB), so its AST crosses from Rust as a JSON string ~15 times the source's size, and
 * `JSON.parse` plus the garbage it leaves was most of a build's time. On webpack's lib/ (807
 * files, 12.5 MB): oxc took 1.85 s wall / 2.25 s CPU per pass, acorn 1.15 s / 1.6 s
 * (bench/build-bench.mjs has the whole-build numbers). acorn's tree is the ESTree shape oxc gives for JS (oxc follows
 * acorn), with `preserveParens` for the ParenthesizedExpression nodes oxc keeps.
 *
 * Returns null when acorn rejects the code, or may wrongly accept it (laxerThanV8): oxc-parser then
 * parses it again, so a syntax error is reported in oxc's words and JSX in a .js file still parses.
 */
export function parsePlainJs(code: string, kind: SourceKind): { program: Node; comments: CommentLike[] } | null {
  if (laxerThanV8(code)) return null;
  if (kind !== 'unambiguous') return tryAcorn(code, kind === 'module' ? 'module' : kind === 'commonjs' ? 'commonjs' : 'script');
  // oxc reads an 'unambiguous' file as a module when it has import/export: here it is tried as a
  // script, then as a module (which also takes import/export and top-level await).
  return tryAcorn(code, 'script') ?? tryAcorn(code, 'module');
}

function tryAcorn(code: string, sourceType: NonNullable<acorn.Options['sourceType']>): { program: Node; comments: CommentLike[] } | null {
  const comments: CommentLike[] = [];
  try {
    const program = acorn.Parser.parse(code, {
      ecmaVersion: 'latest',
      sourceType,
      allowHashBang: true,
      preserveParens: true,
      onComment: comments as acorn.Options['onComment'],
    });
    return { program: program as unknown as Node, comments };
  } catch {
    return null;
  }
}

// Exported by acorn, but missing from its acorn.d.ts (8.19).
const { isIdentifierChar } = acorn as unknown as { isIdentifierChar(code: number, astral: boolean): boolean };
const NON_ASCII = /[^\x00-\x7f]/g;
const V8_IDENTIFIER_CHAR = /^[\p{ID_Continue}\u200C\u200D]$/u;
const STRICT_CLASS_NAME = /\bclass\s+(?:eval|arguments)\b/;
/** Code points acorn reads as identifier characters and V8 does not (cached: few per project). */
const newerUnicode = new Map<number, boolean>();

/**
 * The two early errors V8 reports and acorn 8.19 does not, found by test262-parser-tests (where
 * oxc agrees with V8): a class named `eval` or `arguments`, and identifier characters from a
 * Unicode version newer than V8's. Both are checked on the text (~1% of a parse), and such a file
 * goes to oxc, which rejects it or, when the match was in a string or comment, parses it.
 */
function laxerThanV8(code: string): boolean {
  if (STRICT_CLASS_NAME.test(code)) return true;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(code); m; m = NON_ASCII.exec(code)) {
    const cp = code.codePointAt(m.index)!;
    let newer = newerUnicode.get(cp);
    if (newer === undefined) {
      newer = isIdentifierChar(cp, true) && !V8_IDENTIFIER_CHAR.test(String.fromCodePoint(cp));
      newerUnicode.set(cp, newer);
    }
    if (newer === true) return true;
    if (cp > 0xffff) NON_ASCII.lastIndex++; // past the low surrogate
  }
  return false;
}
