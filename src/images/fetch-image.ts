/** Downloads one image with a time limit, a size limit, a content-type check and retries. */

export interface FetchImageOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Extra attempts after a 5xx, 408, 429, timeout or network error (never after other 4xx). */
  readonly retries: number;
  /** First backoff delay; doubles on each retry (default 500 ms). */
  readonly backoffMs?: number;
  readonly fetch: typeof fetch;
}

export type FetchImageResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly contentType: string; readonly extension: string }
  | { readonly ok: false; readonly reason: string };

/** Image types worth keeping, with their file extension. SVG is left out: it can carry scripts. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/jpg': '.jpg',
  'image/pjpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/bmp': '.bmp',
};

export async function fetchImage(url: string, options: FetchImageOptions): Promise<FetchImageResult> {
  let attempt = 0;
  for (;;) {
    const outcome = await fetchOnce(url, options);
    if (outcome.ok || !outcome.retry || attempt >= options.retries) {
      return outcome.ok ? outcome : { ok: false, reason: attempt > 0 ? `${outcome.reason} (after ${attempt + 1} attempts)` : outcome.reason };
    }
    await new Promise((resolve) => setTimeout(resolve, (options.backoffMs ?? 500) * 2 ** attempt));
    attempt++;
  }
}

type Attempt = Extract<FetchImageResult, { ok: true }> | { readonly ok: false; readonly reason: string; readonly retry: boolean };

async function fetchOnce(url: string, options: FetchImageOptions): Promise<Attempt> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await options.fetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8' },
    });
  } catch (error) {
    return { ok: false, reason: describeError(error, options.timeoutMs), retry: true };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, reason: `HTTP ${response.status}`, retry };
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = EXTENSIONS[contentType];
  if (extension === undefined) {
    await response.body?.cancel().catch(() => undefined);
    const what = contentType === '' ? 'no content type' : `content type ${contentType}`;
    return { ok: false, reason: contentType.startsWith('image/') ? `unsupported image type (${what})` : `not an image (${what})`, retry: false };
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `larger than ${options.maxBytes} bytes (${declared} declared)`, retry: false };
  }
  try {
    const bytes = await readLimited(response, options.maxBytes);
    if (bytes === undefined) return { ok: false, reason: `larger than ${options.maxBytes} bytes`, retry: false };
    if (!looksLike(bytes, extension)) return { ok: false, reason: `content is not a valid ${contentType}`, retry: false };
    return { ok: true, bytes, contentType, extension };
  } catch (error) {
    return { ok: false, reason: describeError(error, options.timeoutMs), retry: true };
  }
}

/** The body, or undefined as soon as it grows past `maxBytes` (the download is cancelled). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Checks the magic bytes of the formats that have simple ones. */
function looksLike(bytes: Uint8Array, extension: string): boolean {
  const starts = (...prefix: number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);
  switch (extension) {
    case '.jpg':
      return starts(0xff, 0xd8, 0xff);
    case '.png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case '.gif':
      return starts(0x47, 0x49, 0x46, 0x38);
    case '.webp':
      return starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
    default:
      return bytes.byteLength > 0;
  }
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error (${error instanceof Error ? error.message : String(error)}${cause})`;
}
