/**
 * The normalised call tree of a trace: names and nesting, no timestamps. Children with the same
 * name are merged and counted (a flamegraph's tree), in first-seen order, one tree per thread.
 * This is what golden files hold, so every front end can be compared on the same program.
 */
export interface TraceEvent {
  ph: string;
  name?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  args?: Record<string, unknown>;
}

interface TreeNode {
  name: string;
  count: number;
  children: Map<string, TreeNode>;
}

const node = (name: string): TreeNode => ({ name, count: 0, children: new Map() });

export function callTree(events: readonly TraceEvent[]): string {
  const threads = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}/${e.tid}`;
    if (!threads.has(key)) threads.set(key, []);
    threads.get(key)!.push(e);
  }
  const out: string[] = [];
  let thread = 0;
  for (const slices of threads.values()) {
    out.push(`thread ${thread++}`);
    // Parents before children: earlier start first, then the longer one.
    slices.sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
    const root = node('');
    const stack: { node: TreeNode; end: number }[] = [{ node: root, end: Infinity }];
    for (const s of slices) {
      while (stack.length > 1 && s.ts! >= stack[stack.length - 1]!.end) stack.pop();
      const parent = stack[stack.length - 1]!.node;
      let child = parent.children.get(s.name!);
      if (!child) parent.children.set(s.name!, (child = node(s.name!)));
      child.count++;
      stack.push({ node: child, end: s.ts! + s.dur! });
    }
    print(root, 1, out);
  }
  return `${out.join('\n')}\n`;
}

/** Depth first, without recursion: a stack overflow in the traced program makes trees 10k deep. */
function print(root: TreeNode, depth: number, out: string[]): void {
  const todo: [TreeNode, number][] = [...root.children.values()].reverse().map((c) => [c, depth]);
  while (todo.length > 0) {
    const [n, d] = todo.pop()!;
    out.push(`${'  '.repeat(d)}${n.name} x${n.count}`);
    for (const c of [...n.children.values()].reverse()) todo.push([c, d + 1]);
  }
}
