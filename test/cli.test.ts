import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { clippings } from './fixtures/cli/run-clippings.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures/cli');
let root = '';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

function findAll(node: Node, name: string, out: Node[] = []): Node[] {
  if (node.nodeName === name) out.push(node);
  for (const child of node.childNodes ?? []) findAll(child, name, out);
  return out;
}

async function page(site: string, rel: string): Promise<{ h1: string; text: string; links: string[] }> {
  const doc = parse(await readFile(path.join(site, rel), 'utf8')) as unknown as Node;
  const h1 = findAll(doc, 'h1').map(textOf).join(' ').trim();
  const links = findAll(doc, 'a').map((a) => a.attrs?.find((x) => x.name === 'href')?.value ?? '');
  return { h1, text: textOf(doc), links };
}

const SEED_TITLE = '白宫：俄罗斯和朝鲜正积极推进达成武器协议的谈判';

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-cli-'));
  await mkdir(path.join(root, 'content'));
  await copyFile(path.join(repo, 'content/000_08cb497c288dbfaf.txt'), path.join(root, 'content/000_08cb497c288dbfaf.txt'));
  for (const name of ['rfi-china.md', 'dw-berlin.md', 'malformed.md']) await copyFile(path.join(fixtures, name), path.join(root, 'content', name));
});
after(() => rm(root, { recursive: true, force: true }));

describe('clippings build (real CLI, pages read back with parse5)', () => {
  let build: { code: number; stdout: string; stderr: string };
  let site = '';
  before(async () => {
    site = path.join(root, '_site');
    build = await clippings(['build'], root);
  });

  test('exits 0 and names the rejected file with path:line in the summary', () => {
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, /Built 3 articles/);
    assert.match(build.stdout, /files rejected\s+1/);
    assert.match(build.stdout, /content\/malformed\.md:1: expected a timestamp comment/);
    assert.match(build.stdout, /pages written\s+\d+/);
  });

  test("the seed's article, topic (国际), day/month/year and home pages show it", async () => {
    const home = await page(site, 'index.html');
    const articleLink = home.links.find((href) => href.startsWith('/articles/'));
    assert.ok(articleLink, 'the home page links an article');
    assert.ok(home.text.includes(SEED_TITLE));
    const seedHref = findHref(home, SEED_TITLE, site);
    const article = await page(site, path.join((await seedHref).slice(1), 'index.html'));
    assert.equal(article.h1, SEED_TITLE);
    assert.match(article.text, /约翰·柯比/);

    const topics = await page(site, 'topics/index.html');
    assert.ok(topics.text.includes('国际'));
    const topicHref = topics.links.find((href) => href.startsWith('/topics/') && href !== '/topics/');
    assert.ok(topicHref);
    const topicPages = await Promise.all(topics.links.filter((h) => /^\/topics\/[^/]+\/$/.test(h)).map((h) => page(site, `${h.slice(1)}index.html`)));
    const international = topicPages.find((p) => p.h1 === '国际');
    assert.ok(international, 'a topic page titled 国际');
    assert.ok(international.text.includes(SEED_TITLE));

    for (const rel of ['archive/2023/08/31/index.html', 'archive/2023/08/index.html', 'archive/2023/index.html']) {
      const p = await page(site, rel);
      assert.ok(p.text.includes(SEED_TITLE) || p.links.includes('/archive/2023/08/31/'), `${rel} shows or links the seed's day`);
    }
    assert.ok((await page(site, 'archive/2023/08/31/index.html')).text.includes(SEED_TITLE));
  });

  test('--time-zone UTC puts the seed on 2023-08-30', async () => {
    const out = path.join(root, 'utc-site');
    const utc = await clippings(['build', '--time-zone', 'UTC', '--output', out, '--quiet'], root);
    assert.equal(utc.code, 0, utc.stderr);
    assert.ok((await page(out, 'archive/2023/08/30/index.html')).text.includes(SEED_TITLE));
    await assert.rejects(readFile(path.join(out, 'archive/2023/08/31/index.html')));
  });

  test('--strict exits 1 and leaves the published site alone', async () => {
    const before = await readFile(path.join(site, 'index.html'));
    const strict = await clippings(['build', '--strict'], root);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /content\/malformed\.md:1:/);
    assert.deepEqual(await readFile(path.join(site, 'index.html')), before);
  });
});

async function findHref(p: { links: string[] }, _title: string, site: string): Promise<string> {
  for (const href of p.links.filter((h) => /^\/articles\/[a-z0-9]+\/$/.test(h))) {
    if ((await page(site, `${href.slice(1)}index.html`)).h1 === _title) return href;
  }
  throw new Error(`no article page titled ${_title}`);
}

describe('clippings check and usage errors', () => {
  test('check exits 1 and prints path:line: reason grouped by file', async () => {
    const check = await clippings(['check'], root);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /^content\/malformed\.md\n {2}content\/malformed\.md:1: expected a timestamp comment/m);
    assert.match(check.stdout, /4 files: 3 accepted, 1 rejected/);
  });

  test('unknown flags, bad zones and bad config keys are usage errors (exit 2)', async () => {
    assert.equal((await clippings(['build', '--nope'], root)).code, 2);
    const zone = await clippings(['build', '--time-zone', 'Mars/Olympus'], root);
    assert.equal(zone.code, 2);
    assert.match(zone.stderr, /unknown time zone "Mars\/Olympus"/);
    const config = path.join(root, 'bad.config.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(config, JSON.stringify({ title: 'x', colour: 'red' })));
    const bad = await clippings(['build', '--config', config], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.config\.json: unknown key "colour"/);
    const help = await clippings(['build', '--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: clippings build/);
  });
});
