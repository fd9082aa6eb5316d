import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorImages, type MirrorOptions } from '../src/images/mirror-images.ts';
import { loadMirrorMap } from '../src/images/load-mirror-map.ts';
import { rewriteImageUrls } from '../src/images/rewrite-image-urls.ts';
import { collectImageUrls } from '../src/images/collect-image-urls.ts';
import { makeArticle } from './fixtures/features/make-article.ts';
import { makePng as png } from './support/make-png.ts';


/** A valid baseline 1×1 grey JPEG: one 8×8 block whose only coefficients are DC 0 and end-of-block. */
function jpeg(): Buffer {
  const segment = (marker: number, data: number[]): number[] => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const oneCodeTable = (tableClass: number): number[] => [tableClass, 1, ...new Array<number>(15).fill(0), 0x00];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0b0011_1111, // DC category 0 ("0"), end of block ("0"), padded with 1s
    0xff, 0xd9,
  ]);
}

const RED = png(255, 0, 0);
const BLUE = png(0, 0, 255);
const GREY = jpeg();
const requests = new Map<string, number>();
let server: Server;
let base = '';
let dir = '';

before(async () => {
  let flakyCalls = 0;
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const send = (status: number, type: string, body: Buffer | string): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    switch (path) {
      case '/a.png':
      case '/a-copy.png':
        return send(200, 'image/png', RED);
      case '/hero.png':
        return send(200, 'image/png; charset=binary', BLUE);
      case '/b.jpg':
        return send(200, 'image/jpeg', GREY);
      case '/flaky.png':
        return ++flakyCalls === 1 ? send(500, 'text/plain', 'busy') : send(200, 'image/png', RED);
      case '/page.png':
        return send(200, 'text/html', '<!doctype html><p>not an image</p>');
      case '/big.png': {
        response.writeHead(200, { 'content-type': 'image/png' }); // no content-length: streamed
        const chunk = Buffer.concat([RED, Buffer.alloc(16_384)]);
        let sent = 0;
        const pump = (): void => {
          while (sent < 20 && response.write(chunk)) sent++;
          if (sent >= 20) response.end();
          else response.once('drain', pump);
        };
        return pump();
      }
      case '/slow.png':
        return void setTimeout(() => send(200, 'image/png', RED), 4_000).unref();
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'clippings-images-'));
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function articles(): ReturnType<typeof makeArticle>[] {
  const img = (name: string, extra = ''): string => `<img src="${base}/${name}" alt=""${extra}>`;
  return [
    makeArticle({
      url: 'https://example.org/1',
      hero: { src: `${base}/hero.png`, alt: '' },
      bodyHtml: `<p>一${img('a.png', ` srcset="${base}/a.png 2x"`)}${img('missing.png')}</p><figure>${img('b.jpg')}</figure>`,
    }),
    makeArticle({
      url: 'https://example.org/2',
      bodyHtml: `<p>${img('a.png')}${img('a-copy.png')}${img('flaky.png')}${img('page.png')}${img('big.png')}${img('slow.png')}</p>
        <img src="/relative.png"><img src="data:image/png;base64,AAAA"><img src="">`,
    }),
  ];
}

function options(overrides: Partial<MirrorOptions> = {}): MirrorOptions {
  return {
    mediaDir: join(dir, 'media'),
    cacheFile: join(dir, 'cache', 'images.json'),
    maxBytes: 100_000,
    timeoutMs: 1_000,
    retries: 1,
    backoffMs: 10,
    concurrency: 3,
    ...overrides,
  };
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

test('collectImageUrls: hero and body images, each once, remote only', () => {
  assert.deepEqual(
    collectImageUrls(articles()).map((url) => url.slice(base.length)),
    ['/hero.png', '/a.png', '/missing.png', '/b.jpg', '/a-copy.png', '/flaky.png', '/page.png', '/big.png', '/slow.png'],
  );
});

test('mirrorImages downloads, checks and records every image', async () => {
  const progress: string[] = [];
  const summary = await mirrorImages(articles(), options({ onProgress: (p) => progress.push(`${p.done}/${p.total}`) }));

  assert.equal(summary.referenced, 9);
  assert.equal(summary.fetched, 5);
  assert.equal(summary.cached, 0);
  assert.equal(progress.length, 9);
  assert.deepEqual(
    summary.failed.map(({ url, reason }) => [url.slice(base.length), reason]),
    [
      ['/big.png', 'larger than 100000 bytes'],
      ['/missing.png', 'HTTP 404'],
      ['/page.png', 'not an image (content type text/html)'],
      ['/slow.png', 'timed out after 1000 ms (after 2 attempts)'],
    ],
  );
  // 404 and wrong types are not retried; the 500 and the timeout are.
  assert.equal(requests.get('/missing.png'), 1);
  assert.equal(requests.get('/page.png'), 1);
  assert.equal(requests.get('/flaky.png'), 2);
  assert.equal(requests.get('/slow.png'), 2);

  // Content-addressed files: the two identical PNGs share one file.
  const files = (await readdir(join(dir, 'media'), { recursive: true })).filter((name) => name.includes('.')).sort();
  assert.deepEqual(files, [
    `${sha(RED).slice(0, 2)}/${sha(RED)}.png`,
    `${sha(BLUE).slice(0, 2)}/${sha(BLUE)}.png`,
    `${sha(GREY).slice(0, 2)}/${sha(GREY)}.jpg`,
  ].sort());
  assert.deepEqual(await readFile(join(dir, 'media', `${sha(GREY).slice(0, 2)}/${sha(GREY)}.jpg`)), GREY);

  const cache = JSON.parse(await readFile(options().cacheFile, 'utf8')) as {
    version: number;
    entries: Record<string, { ok: boolean; file?: string; reason?: string; contentType?: string }>;
  };
  assert.equal(cache.version, 1);
  assert.equal(Object.keys(cache.entries).length, 9);
  assert.equal(cache.entries[`${base}/a-copy.png`]?.file, `${sha(RED).slice(0, 2)}/${sha(RED)}.png`);
  assert.equal(cache.entries[`${base}/hero.png`]?.contentType, 'image/png');
  assert.deepEqual(cache.entries[`${base}/missing.png`]?.ok, false);
});

test('a second run fetches nothing already done', async () => {
  requests.clear();
  const summary = await mirrorImages(articles(), options());
  assert.equal(requests.size, 0, `unexpected requests: ${[...requests.keys()].join(', ')}`);
  assert.deepEqual(
    { fetched: summary.fetched, cached: summary.cached, previouslyFailed: summary.previouslyFailed, failed: summary.failed.length },
    { fetched: 0, cached: 5, previouslyFailed: 4, failed: 0 },
  );
});

test('a deleted local copy is fetched again', async () => {
  await rm(join(dir, 'media', sha(GREY).slice(0, 2)), { recursive: true });
  requests.clear();
  const summary = await mirrorImages(articles(), options());
  assert.equal(summary.fetched, 1);
  assert.deepEqual([...requests.keys()], ['/b.jpg']);
});

test('retryFailed tries earlier failures again, maxCount leaves the rest for a later run', async () => {
  requests.clear();
  const summary = await mirrorImages(articles(), options({ retryFailed: true, maxCount: 1 }));
  assert.deepEqual([...requests.keys()], ['/missing.png']);
  assert.equal(summary.failed.length, 1);
  assert.equal(summary.skipped, 3);
});

test('the build rewrites mirrored images from the cache file and keeps the others remote', async () => {
  const mirror = await loadMirrorMap(options().cacheFile, { urlPrefix: '/sub/media' });
  assert.equal(mirror.get(`${base}/hero.png`), `/sub/media/${sha(BLUE).slice(0, 2)}/${sha(BLUE)}.png`);
  assert.equal(mirror.has(`${base}/missing.png`), false);

  const html = `<p>文字<img src="${base}/a.png" srcset="${base}/a.png 2x" alt="图"><img src="${base}/missing.png" alt=""></p>`;
  const rewritten = rewriteImageUrls(html, mirror);
  assert.equal(
    rewritten,
    `<p>文字<img src="/sub/media/${sha(RED).slice(0, 2)}/${sha(RED)}.png" alt="图"><img src="${base}/missing.png" alt=""></p>`,
  );
  const untouched = '<p>No  images, <b>odd</b>   markup &amp; spacing</p>';
  assert.equal(rewriteImageUrls(untouched, mirror), untouched);
});

test('a damaged cache file is reported with its path', async () => {
  const cacheFile = join(dir, 'broken.json');
  await writeFile(cacheFile, '{"version": 1, "entries": ');
  await assert.rejects(loadMirrorMap(cacheFile), (error: Error) => error.message.startsWith(`${cacheFile}:1: not valid JSON`));
});
