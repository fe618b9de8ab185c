// Serves the built app (STATIC_DIR, dist by default) and /health for the container healthcheck.
// The proxy sends /api/* to the api, so this server never talks to it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = process.env.STATIC_DIR ?? 'dist';
const port = Number(process.env.PORT ?? 3000);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/health') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  // normalize() before join keeps requests inside root (no ../ escapes).
  const file = join(root, normalize(path === '/' ? '/index.html' : path));
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '0.0.0.0');
