// A static file server for the built site, on loopback, for the end-to-end tests.
// `base` serves the site under a sub-path (/stats/sports/); `overrides` replace or break files.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

//
// An override is { status, type, body } and may inject a fault: `delay` (ms before answering),
// `truncate` (send half the body, then cut the connection), `size` (a body of that many bytes),
// `stream` (that many bytes sent in pieces, with no Content-Length), `gzip` (that many bytes,
// gzip-compressed: a small body that inflates), `redirect` (a 302 to that address).
// `headers` are sent with every response (e.g. a Content-Security-Policy).
export async function startServer({ root, base = '/', overrides = {}, headers = {} }) {
  const requests = new Map();
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    const relative = path.slice(base.length);
    requests.set(relative, (requests.get(relative) ?? 0) + 1);
    const override = overrides[relative];
    if (override) {
      if (override.delay) await new Promise((resolve) => setTimeout(resolve, override.delay));
      if (override.redirect) {
        res.writeHead(302, { location: override.redirect }).end();
        return;
      }
      if (override.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const piece = Buffer.alloc(64 * 1024, ' ');
        let sent = 0;
        const more = () => {
          while (sent < override.stream) {
            sent += piece.length;
            if (!res.write(piece)) return res.once('drain', more);
          }
          res.end();
        };
        res.on('close', () => { sent = Infinity; });
        more();
        return;
      }
      if (override.gzip) {
        const body = gzipSync(Buffer.alloc(override.gzip, ' '), { level: 9 });
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
        return;
      }
      const body = override.size ? Buffer.alloc(override.size, ' ') : Buffer.from(override.body ?? '');
      res.writeHead(override.status ?? 200, {
        'content-type': override.type ?? 'application/json',
        'content-length': body.length,
      });
      if (override.truncate) {
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      }
      res.end(body);
      return;
    }
    const file = normalize(join(root, relative || 'index.html'));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    /// How many requests for `relative` (a path under `base`, e.g. data/entities.json) came in.
    served: (relative) => requests.get(relative) ?? 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

/// A page of another site (another port, so another origin) that embeds `site`'s chart the way
/// the dashboard's embed code says: an iframe[data-sportdash] and the site's embed.js.
/// Without `script`, the host pastes the iframe alone, at the `height` it was offered. With
/// `pym`, the host is a newsroom page that frames `embed.html` with pym.js (npm `pym.js`, its
/// own copy served from this host) and no script of ours.
export async function startHost(site, { query = '?view=medals&entities=jiaozuo,hedong&embed=1', port = 0, script = true, height = 150, pym = false } = {}) {
  const pymScript = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'));
  const framed = pym
    ? `<div id="chart"></div>
<script src="/pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent('chart', ${JSON.stringify(`${site}embed.html${query}`)}, { title: 'Medals' });</script>`
    : `<iframe id="chart" src="${site}${query}" data-sportdash title="Medals" style="width:100%;border:0" height="${height}"></iframe>`;
  const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title></head>
<body style="margin:0;font-family:sans-serif">
<main style="max-width:900px;margin:0 auto;padding:16px">
<h1>A news story</h1>
<p>Text before the chart.</p>
${framed}
<p id="after">Text after the chart.</p>
</main>
${script && !pym ? `<script src="${site}embed.js"></script>` : ''}
</body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/pym.v1.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(pymScript);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
