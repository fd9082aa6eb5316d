/**
 * `clippings serve` end to end: the real CLI serves a temp archive, picks up a seed file dropped into
 * the input folder and one deleted from it without a restart, live-reloads an open page in Chromium,
 * and stops promptly on Ctrl-C (SIGINT) without leaving a staging folder behind.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { openPage, REPO, SEED_FILE, withBrowser } from './support/browser.ts';

const SEED_TITLE = '白宫：俄罗斯和朝鲜正积极推进达成武器协议的谈判';
const NEW_TITLE = '测试新增：北京举行秋季读书节';
const NEW_SEED = `<!--1693500000000-->
[${NEW_TITLE}](https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230831-serve-test-new-article)
------

<div><p>北京周四举行秋季读书节，数百家出版社参加，这是一篇由测试写入的文章。</p><p>第二段文字，说明活动持续三天。</p></div>
`;

let work = '';
let input = '';
let base = '';
let server: ChildProcess | undefined;
let log = '';

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'clippings-serve-'));
  input = path.join(work, 'content');
  await mkdir(input);
  await copyFile(path.join(REPO, 'content', SEED_FILE), path.join(input, SEED_FILE));
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const args = ['serve', '--input', input, '--output', path.join(work, 'site'), '--cache-dir', path.join(work, 'cache'), '--time-zone', 'Asia/Shanghai', '--port', String(port)];
  // cwd is the temp folder: no clippings.config.json of the repository is read or watched.
  server = spawn(process.execPath, [path.join(REPO, 'bin/clippings.js'), ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await until('the server answers', async () => (await fetch(base).catch(() => undefined))?.ok === true, 60_000);
});

after(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

test('serves the built archive: home, article, day page, 404', async () => {
  const home = await fetch(base);
  assert.equal(home.status, 200);
  assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
  const titles = await homeTitles();
  assert.deepEqual(titles.map((t) => t.text), [SEED_TITLE]);

  const article = await fetch(new URL(titles[0]!.href, base));
  assert.equal(article.status, 200, `${titles[0]!.href}`);
  assert.equal(article.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.ok((await article.text()).includes('约翰·柯比'), 'the article page carries the body');
  assert.match(titles[0]!.href, /^\/articles\/[^/]+\/$/);

  const day = await fetch(new URL('archive/2023/08/31/', base));
  assert.equal(day.status, 200);
  assert.ok((await day.text()).includes(SEED_TITLE), 'the day page (Asia/Shanghai) lists the seed');

  const missing = await fetch(new URL('no/such/page/', base));
  assert.equal(missing.status, 404);
  const body = await missing.text();
  assert.match(missing.headers.get('content-type') ?? '', /^text\/html/);
  const own404 = await readFile(path.join(work, 'site', '404.html'), 'utf8');
  assert.equal(heading(body), heading(own404), 'the site’s own 404 page (404.html), not the dev server’s');
});

test('a dropped seed file appears and a deleted one disappears without a restart; an open page live-reloads', async () => {
  await withBrowser(async (browser) => {
    const tab = await openPage(browser, base);
    let navigations = 0;
    tab.page.on('framenavigated', (frame) => {
      if (frame === tab.page.mainFrame()) navigations++;
    });

    await writeFile(path.join(input, 'new-article.md'), NEW_SEED);
    await until(`"${NEW_TITLE}" on the home page`, async () => (await homeTitles()).some((t) => t.text === NEW_TITLE), 60_000);
    assert.deepEqual((await homeTitles()).map((t) => t.text).sort(), [NEW_TITLE, SEED_TITLE].sort());
    // The dev server's reload client reloads the open page by itself (we never navigate it).
    await tab.page.locator('.entry-title', { hasText: NEW_TITLE }).waitFor({ timeout: 30_000 });
    assert.ok(navigations >= 1, 'the page reloaded itself');

    await rm(path.join(input, SEED_FILE));
    await until(`"${SEED_TITLE}" gone from the home page`, async () => !(await homeTitles()).some((t) => t.text === SEED_TITLE), 60_000);
    assert.deepEqual((await homeTitles()).map((t) => t.text), [NEW_TITLE]);
    await tab.page.locator('.entry-title', { hasText: SEED_TITLE }).waitFor({ state: 'detached', timeout: 30_000 });
    const day = await fetch(new URL('archive/2023/08/31/', base));
    assert.ok(!(await day.text()).includes(SEED_TITLE), 'the deleted article left its day page too');
    assert.deepEqual(tab.problems(), [], 'no page errors');
    await tab.close();
  });
});

test('SIGINT stops the server promptly and leaves no staging folder', async () => {
  const child = server!;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const started = Date.now();
  child.kill('SIGINT');
  const result = await Promise.race([exited, delay(5_000).then(() => undefined)]);
  assert.ok(result !== undefined, `the server still runs 5 s after SIGINT\n${log}`);
  assert.ok(result.code === 130 || result.signal === 'SIGINT', `exit ${JSON.stringify(result)}`);
  assert.ok(Date.now() - started < 5_000);
  const left = (await readdir(work)).filter((name) => name.includes('.staging-') || name.includes('.old-'));
  assert.deepEqual(left, [], 'no staging or old folder left');
  await assert.rejects(fetch(base), 'the port is closed');
});

async function homeTitles(): Promise<{ text: string; href: string }[]> {
  const response = await fetch(base);
  if (!response.ok) return [];
  return selectAll('.entry-title a', fromHtml(await response.text())).map((a) => ({ text: toText(a).trim(), href: String(a.properties['href']) }));
}

function heading(html: string): string {
  const h1 = select('h1', fromHtml(html));
  assert.ok(h1, 'the page has an h1');
  return toText(h1).trim();
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && (server.exitCode !== null || server.signalCode !== null)) throw new Error(`the server exited while waiting for ${what}\n${log}`);
    if (await check().catch(() => false)) return;
    await delay(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${log}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}
