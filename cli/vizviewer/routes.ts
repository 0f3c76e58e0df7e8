/**
 * The allow-list of `vizviewer` URLs. Node hands over `req.url` raw (`/../..`, `%2e%2e`, `..%2f`,
 * `%00`, `//etc/passwd` arrive unnormalised: notes/reliability.md §3), so nothing here maps a URL
 * to a path: a request is one of a few exact strings or it is refused with a 4xx.
 *
 *   GET /, /index.html      the viewer page (directory mode: `/` is the list of traces)
 *   GET /trace              the trace file (directory mode: /trace?file=NAME, NAME in the list)
 *   GET /trace.bin          the same trace converted to the viewer's binary format (same query)
 *   GET /traces             directory mode: JSON list of the traces (name, size, mtime)
 */

export type Route =
  | { type: 'viewer' } // the viewer page, or the .html report being served
  | { type: 'list' } // directory mode: the page listing the traces
  | { type: 'traces' } // directory mode: the JSON listing
  | { type: 'trace'; name: string | null; binary: boolean } // the trace (as is, or converted); `name` in directory mode
  | { type: 'reject'; status: 400 | 404 | 405; reason: string };

/** Characters that never appear in an allowed path; their presence means a probe, so 400. */
const SUSPICIOUS = /%|\\|\.\.|\/\/|\0/;

export function routeRequest(method: string | undefined, rawUrl: string | undefined, directoryMode: boolean): Route {
  if (method !== 'GET' && method !== 'HEAD') return { type: 'reject', status: 405, reason: 'only GET and HEAD' };
  const url = rawUrl ?? '';
  if (!url.startsWith('/')) return { type: 'reject', status: 400, reason: 'not a path' };
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? null : url.slice(q + 1);
  if (SUSPICIOUS.test(pathname)) return { type: 'reject', status: 400, reason: 'bad path' };
  const params = parseQuery(query);
  if (params === null) return { type: 'reject', status: 400, reason: 'malformed query' };

  switch (pathname) {
    case '/':
      return directoryMode ? { type: 'list' } : { type: 'viewer' };
    case '/index.html':
      // The viewer reads its own query (?view=flamegraph, ?trace=URL): nothing here depends on it.
      return { type: 'viewer' };
    case '/traces':
      return directoryMode ? { type: 'traces' } : notFound();
    case '/trace':
    case '/trace.bin': {
      const binary = pathname === '/trace.bin';
      if (!directoryMode) {
        return query === null || query === '' ? { type: 'trace', name: null, binary } : { type: 'reject', status: 400, reason: `${pathname} takes no query` };
      }
      const names = params.filter(([k]) => k === 'file');
      if (names.length !== 1 || params.length !== 1) return { type: 'reject', status: 400, reason: `expected ${pathname}?file=NAME` };
      const name = names[0]![1];
      // The name must be one listed file; these can never be, so say so early.
      if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
        return { type: 'reject', status: 400, reason: 'bad file name' };
      }
      return { type: 'trace', name, binary };
    }
    default:
      return notFound();
  }
}

function notFound(): Route {
  return { type: 'reject', status: 404, reason: 'not found' };
}

/** `a=1&b=x%20y` → pairs; null when an escape is malformed (decodeURIComponent would throw). */
function parseQuery(query: string | null): [string, string][] | null {
  if (query === null || query === '') return [];
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      pairs.push([decodeURIComponent(key.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))]);
    } catch {
      return null;
    }
  }
  return pairs;
}
