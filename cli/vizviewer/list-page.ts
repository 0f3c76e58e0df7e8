/**
 * Directory mode's `/`: a small page listing the traces of the directory, newest first, polled
 * from `/traces` every second so traces written while it is open appear. A JSON trace opens in the
 * viewer (`/index.html?trace=/trace?file=NAME`), a report opens as it is.
 */

export function listPage(dirName: string): string {
  const title = escapeHtml(`vizviewer: ${dirName}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse}td,th{padding:.3em 1em;text-align:left;border-bottom:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums}#empty{color:#777}
</style></head>
<body><h1>${title}</h1>
<p id="empty" hidden>No traces yet (.json, .json.gz or .html). New ones appear here as they are written.</p>
<table id="traces" hidden><thead><tr><th>trace</th><th>size</th><th>modified</th><th></th></tr></thead><tbody></tbody></table>
<script>
const body = document.querySelector('#traces tbody');
function size(n) { return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB'; }
function link(text, href) { const a = document.createElement('a'); a.textContent = text; a.href = href; return a; }
let last = '';
async function refresh() {
  let list;
  try { list = await (await fetch('/traces', { cache: 'no-store' })).json(); } catch { return; }
  const key = JSON.stringify(list);
  if (key === last) return;
  last = key;
  document.getElementById('empty').hidden = list.length > 0;
  document.getElementById('traces').hidden = list.length === 0;
  body.replaceChildren(...list.map((t) => {
    const row = document.createElement('tr');
    const file = '/trace?file=' + encodeURIComponent(t.name);
    // The viewer loads the converted binary (fast); the JSON itself stays at /trace?file=NAME.
    const viewer = '/index.html?trace=' + encodeURIComponent('/trace.bin?file=' + encodeURIComponent(t.name));
    const cells = [
      t.kind === 'html' ? link(t.name, file) : link(t.name, viewer),
      size(t.size), new Date(t.mtime).toLocaleString(),
      t.kind === 'html' ? '' : link('flamegraph', viewer + '&view=flamegraph'),
    ];
    for (const c of cells) { const td = document.createElement('td'); if (typeof c === 'string') td.textContent = c; else td.append(c); row.append(td); }
    row.children[1].className = 'n';
    row.dataset.name = t.name;
    return row;
  }));
}
refresh();
setInterval(refresh, 1000);
</script></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
