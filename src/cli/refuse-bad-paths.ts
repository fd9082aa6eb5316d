import type { IncomingMessage, ServerResponse } from 'node:http';

/** Longer request paths are refused: no page of the site comes near it, and the file system would refuse them anyway. */
export const MAX_PATH_LENGTH = 2048;

/**
 * Dev-server middleware that answers 400 to a request path no page can have — `..` segments (also
 * percent-encoded), backslashes, NUL and other control characters, malformed or overlong UTF-8
 * percent-encoding, paths over MAX_PATH_LENGTH — and to any path the server itself cannot map to a file,
 * instead of letting its "Invalid path" error end the process (@11ty/eleventy-dev-server throws it from
 * the request handler, where nothing catches it). Every other request goes on unchanged.
 */
export function refuseBadPaths(log: (message: string) => void) {
  return (req: IncomingMessage, res: ServerResponse, next: () => unknown): void => {
    const url = req.url ?? '/';
    const reason = badPathReason(url);
    if (reason !== undefined) return refuse(res, url, reason, log);
    try {
      const pending = next();
      if (pending instanceof Promise) pending.catch((error: unknown) => refuse(res, url, messageOf(error), log));
    } catch (error) {
      refuse(res, url, messageOf(error), log);
    }
  };
}

/** Why `url` (a request target: path and query) is refused, or undefined when it may be served. */
export function badPathReason(url: string): string | undefined {
  if (url.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  const pathname = url.replace(/[?#].*$/s, '');
  if (!pathname.startsWith('/')) return 'the path does not start with "/"';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'the path has malformed percent-encoding or invalid UTF-8';
  }
  if (decoded.includes('\\')) return 'the path contains a backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'the path contains a NUL or another control character';
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return 'the path contains a "." or ".." segment';
  return undefined;
}

function refuse(res: ServerResponse, url: string, reason: string, log: (message: string) => void): void {
  log(`HTTP 400: refused ${JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url)}: ${reason}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 400;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`400 Bad Request: ${reason}\n`);
}

function messageOf(error: unknown): string {
  return `the server cannot map this path to a file (${error instanceof Error ? error.message : String(error)})`;
}
