// A static file server on loopback for the benchmark: like tests/e2e/server.mjs, but it serves
// several directories under prefixes (the site, its data, the reference pages) and logs every
// response with its body, so the bytes a view loads are counted on the server side.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

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

/// `mounts`: [url prefix, directory or file] pairs; the longest matching prefix wins. A prefix
/// that ends in "/" maps a directory; any other maps one file.
export async function startServer(mounts) {
  const ordered = [...mounts].sort((a, b) => b[0].length - a[0].length);
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
    const answer = (status, type, body, file = null) => {
      log.push({ path, status, bytes: body.length, body, file });
      res.writeHead(status, { 'content-type': type, 'content-length': body.length });
      res.end(body);
    };
    if (!mount) return answer(404, 'text/plain', Buffer.from('not found'));
    const [prefix, target] = mount;
    let file = target;
    if (prefix.endsWith('/')) {
      file = normalize(join(target, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(normalize(target))) return answer(403, 'text/plain', Buffer.from('forbidden'));
    }
    try {
      const info = await stat(file);
      if (info.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      answer(200, TYPES[extname(file)] ?? 'application/octet-stream', body, file);
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
