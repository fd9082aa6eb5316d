/**
 * A small static file server for tests that load a built site in a browser (browser, a11y, search,
 * hostile-content tests). It behaves like a plain static host (GitHub Pages, nginx):
 *
 * - serves files from `dir` under `prefix` only ("/" or "/sub/"), on 127.0.0.1 and a random port;
 * - `/x/` → `/x/index.html`; `/x` where x is a directory → 301 to `/x/`;
 * - a missing file → the site's own `404.html` (at the root of `dir`) with status 404;
 * - never serves anything outside `dir`: the decoded path is normalized and checked before any read.
 *
 * ```ts
 * const server = await serveStatic('/tmp/site', { prefix: '/p/' });
 * await page.goto(server.url + 'articles/abc/'); // server.url is "http://127.0.0.1:PORT/p/"
 * await server.close();
 * ```
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  /** Origin + prefix, always ending in "/", e.g. "http://127.0.0.1:41234/p/". */
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Path prefix the site is served under: "/" (default) or "/sub/". */
  readonly prefix?: string;
}

export async function serveStatic(dir: string, { prefix = '/' }: ServeOptions = {}): Promise<StaticServer> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`serveStatic: prefix must start and end with "/", got ${JSON.stringify(prefix)}`);
  }
  const root = resolve(dir);
  const server = createServer((req, res) => {
    handle(root, prefix, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`500: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** Content types of everything a build writes. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  // The search index's files (src/site/search/search-format.ts) are fetched as bytes and decoded by its reader.
  '.bin': 'application/octet-stream',
};

async function handle(root: string, prefix: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (!pathname.startsWith(prefix)) return notFound(root, req, res);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return notFound(root, req, res); // malformed percent-encoding
  }
  const file = inside(root, relative);
  if (file === undefined) return notFound(root, req, res);

  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    return send(join(file, 'index.html'), 200, req, res, () => notFound(root, req, res));
  }
  if (!info?.isFile()) return notFound(root, req, res);
  return send(file, 200, req, res, () => notFound(root, req, res));
}

/** The absolute path of `relative` under `root`, or undefined when it would leave `root`. */
function inside(root: string, relative: string): string | undefined {
  if (relative.includes('\0')) return undefined;
  const file = resolve(root, `.${sep}${relative}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function notFound(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return send(join(root, '404.html'), 404, req, res, () => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : '404: not found (and the site has no 404.html)');
  });
}

async function send(
  file: string,
  status: number,
  req: IncomingMessage,
  res: ServerResponse,
  orElse: () => Promise<void> | void,
): Promise<void> {
  const body = await readFile(file).catch(() => undefined);
  if (body === undefined) return orElse();
  res.writeHead(status, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
