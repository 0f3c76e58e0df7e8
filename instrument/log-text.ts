import type { EditList } from './edit-list.js';
import type { EntryLogs, LogEdit, LogRead } from './log-plan.js';
import { DEPTH_VAR } from './probe-text.js';

/**
 * The text of compile-time log calls (runtime/probe-protocol.ts, "Compile-time logs"). The first
 * call of each group goes through `(__vt_H||__vt_H_i())`: an ES module cycle may run it before
 * the module's prologue; the calls evaluated after it in the same group use `__vt_H` directly.
 */
export interface LogText {
  /** Logs after a function's entry probe (`g` only while recording: its token is needed). */
  entry(logs: EntryLogs): string;
  /** Adds the insertions of one edit. */
  apply(edits: EditList, edit: LogEdit): void;
}

export function createLogText(hash: string): LogText {
  const h = `__vt_${hash}`;
  const lazy = `(${h}||${h}_i())`;
  const read = (r: LogRead, first: boolean) => `${first ? lazy : h}.l(${r.site},${r.expression})`;
  const statements = (reads: readonly LogRead[]) => reads.map((r, i) => `${read(r, i === 0)};`).join('');
  const guarded = (reads: readonly LogRead[], cond: string | null) =>
    cond === null ? statements(reads) : `${lazy}.on&&(${cond})&&(${reads.map((r) => read(r, false)).join(',')});`;

  return {
    entry(logs) {
      const args = logs.args ? `if(${DEPTH_VAR}>=0)${h}.g(${DEPTH_VAR},${logs.args.site}${logs.args.names.map((n) => `,${n}`).join('')});` : '';
      return statements(logs.reads) + args;
    },
    apply(edits, e) {
      switch (e.type) {
        case 'wrap':
          // The first site's call is the innermost (logged first); each returns its value to the next.
          edits.open(e.start, e.depth, e.sites.slice().reverse().map((s, i) => `${i === 0 ? lazy : h}.l(${s},`).join(''));
          edits.close(e.end, e.depth, ')'.repeat(e.sites.length));
          return;
        case 'reads':
          edits.open(e.start, e.depth, `${lazy}.r(`);
          edits.close(e.end, e.depth, `,${e.reads.map((r) => read(r, false)).join(',')})`);
          return;
        case 'after':
          if (e.block) edits.open(e.start, e.depth, '{');
          edits.close(e.end, e.depth, `;${guarded(e.reads, e.cond)}${e.block ? '}' : ''}`);
          return;
        case 'loop-body':
          edits.open(e.start, e.depth, `{${statements(e.reads)}`);
          edits.close(e.end, e.depth, '}');
          return;
        case 'return':
          if (e.bare) {
            edits.open(e.start, e.depth, `{${lazy}.v(${DEPTH_VAR},void 0);`);
            edits.close(e.end, e.depth, '}');
          } else if (e.deferred) {
            // `__vt_d` changes at every await/yield in X: read it once X has its value.
            edits.open(e.start, e.depth, `(__vt_r=>${lazy}.v(${DEPTH_VAR},__vt_r))(`);
            edits.close(e.end, e.depth, ')');
          } else {
            edits.open(e.start, e.depth, `${lazy}.v(${DEPTH_VAR},`);
            edits.close(e.end, e.depth, ')');
          }
          return;
        case 'cond-wrap':
          edits.open(e.start, e.depth, `(__vt_v=>(${lazy}.on&&(${e.cond})&&${h}.l(${e.site},__vt_v),__vt_v))(`);
          edits.close(e.end, e.depth, ')');
          return;
        case 'call':
          edits.open(e.start, e.depth, `;${lazy}.on&&${e.cond === null ? '' : `(${e.cond})&&`}${e.call};`);
          return;
        case 'asi':
          edits.open(e.start, e.depth, ';');
          return;
      }
    },
  };
}
