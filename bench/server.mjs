// A static file server on loopback for the benchmark: like tests/e2e/server.mjs, but it serves
// several directories under prefixes (the site, its data, the reference pages) and logs every
// response with its body, so the bytes a view loads are counted on the server side.
//
// It serves gzip as a host would: to a request whose Accept-Encoding names gzip, a compressible
// file (html, js, css, json, wasm, svg) goes out with Content-Encoding: gzip (level 9, computed
// once per file and kept) and the Content-Length of the gzip body. The log keeps the file's own
// bytes (`bytes`, `body`) and what went on the wire (`wire`, `encoding`).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/// What a host compresses: text and wasm. Images such as PNG are compressed already.
export const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);

/// Whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0).
function acceptsGzip(header) {
  return String(header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.find((x) => x.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/// `mounts`: [url prefix, directory or file] pairs; the longest matching prefix wins. A prefix
/// that ends in "/" maps a directory; any other maps one file. `gzip`: serve gzip to a client
/// that accepts it (the default, as a host does); false serves every file as it is.
export async function startServer(mounts, { gzip: serveGzip = true } = {}) {
  const ordered = [...mounts].sort((a, b) => b[0].length - a[0].length);
  // Each file's gzip body, by path, size and modification time: compressed once.
  const gzipped = new Map();
  const gzipOf = (file, info, body) => {
    const key = `${file}\0${info.size}\0${info.mtimeMs}`;
    if (!gzipped.has(key)) gzipped.set(key, gzip(body, { level: 9 }));
    return gzipped.get(key);
  };
  let log = [];
  let inflight = 0;
  let last = Date.now();
  const server = createServer(async (req, res) => {
    inflight++;
    last = Date.now();
    res.on('close', () => {
      inflight--;
      last = Date.now();
    });
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = ordered.find(([prefix]) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix));
    const answer = (status, type, body, file = null, sent = body, encoding = null) => {
      log.push({ path, status, bytes: body.length, body, file, wire: sent.length, encoding });
      const headers = { 'content-type': type, 'content-length': sent.length };
      if (encoding) headers['content-encoding'] = encoding;
      if (file && COMPRESSED.has(extname(file))) headers.vary = 'Accept-Encoding';
      res.writeHead(status, headers);
      res.end(sent);
    };
    if (!mount) return answer(404, 'text/plain', Buffer.from('not found'));
    const [prefix, target] = mount;
    let file = target;
    if (prefix.endsWith('/')) {
      file = normalize(join(target, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(normalize(target))) return answer(403, 'text/plain', Buffer.from('forbidden'));
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (serveGzip && COMPRESSED.has(extname(file)) && acceptsGzip(req.headers['accept-encoding'])) {
        return answer(200, type, body, file, await gzipOf(file, info, body), 'gzip');
      }
      answer(200, type, body, file);
    } catch {
      answer(404, 'text/plain', Buffer.from('not found'));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /// The responses since the last call, oldest first.
    take() {
      const taken = log;
      log = [];
      return taken;
    },
    /// Resolves once no request has been open for `quiet` ms; rejects after `timeout` ms.
    idle(quiet = 500, timeout = 60000) {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (inflight === 0 && Date.now() - last >= quiet) return resolve();
          if (Date.now() - started > timeout) return reject(new Error(`the network was not idle within ${timeout} ms`));
          setTimeout(check, 50);
        };
        check();
      });
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}
