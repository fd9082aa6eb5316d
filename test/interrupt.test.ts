/**
 * Interrupted builds: a full build of a larger archive (300 generated articles) is stopped while it
 * renders into its staging folder, with SIGINT (Ctrl-C) and with SIGKILL (no handler runs). The
 * previous output must be untouched, byte for byte, and still link to pages that exist; after SIGKILL
 * the orphaned staging folder is removed by the next build, which succeeds.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { REPO, SEED_FILE } from './support/browser.ts';
import { abandonStaging, cleanStaleOutputs } from '../src/cli/publish-output.ts';
import { clippings } from './fixtures/cli/run-clippings.ts';
import { snapshotTree as snapshot, assertSameTree } from './support/snapshot-tree.ts';

const COPIES = 300;
let work = '';
let small = '';
let large = '';
let output = '';
let cache = '';

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'clippings-interrupt-'));
  small = path.join(work, 'small');
  large = path.join(work, 'large');
  output = path.join(work, 'site');
  cache = path.join(work, 'cache');
  await mkdir(small);
  await mkdir(large);
  const seed = await readFile(path.join(REPO, 'content', SEED_FILE), 'utf8');
  await copyFile(path.join(REPO, 'content', SEED_FILE), path.join(small, SEED_FILE));
  for (let i = 0; i < COPIES; i++) await writeFile(path.join(large, `copy-${i}.txt`), copyOf(seed, i));
  const good = await clippings(['build', '--quiet', '--input', small, '--output', output, '--cache-dir', cache], work);
  assert.equal(good.code, 0, good.stderr);
});
after(() => rm(work, { recursive: true, force: true }));

describe('a build interrupted while rendering leaves the previous output intact', () => {
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    test(`${signal} during rendering`, async () => {
      const before = await snapshot(output);
      const run = await interruptWhileRendering(signal);
      assert.ok(run.sawStaging, `the build was rendering into its staging folder before ${signal}\n${run.log}`);
      assert.doesNotMatch(run.log, /^Built /m, 'the build did not finish');
      if (signal === 'SIGINT') assert.equal(run.code, 130, run.log);
      else assert.equal(run.signal, 'SIGKILL');

      assertSameTree(await snapshot(output), before);
      await assertLinksResolve(output);
      const left = await leftovers();
      if (signal === 'SIGINT') assert.deepEqual(left, [], 'the exit handler removed the staging folder');
      else {
        // No handler runs on SIGKILL: the half-rendered staging folder stays until the next build.
        assert.deepEqual(left, [`site.staging-${run.pid}`], 'only the killed build’s staging folder remains');
        assert.ok(entries(path.join(work, left[0]!, 'articles')) > 0, 'it holds pages rendered before the kill');
      }
    });
  }

  test('the next build removes an orphaned staging folder and succeeds', async () => {
    // Whatever SIGKILL left, plus one planted for certain (a pid that is not running).
    const orphan = path.join(work, 'site.staging-999999999');
    await mkdir(path.join(orphan, 'articles'), { recursive: true });
    await writeFile(path.join(orphan, 'index.html'), 'half written');
    const next = await clippings(['build', '--input', large, '--output', output, '--cache-dir', cache], work);
    assert.equal(next.code, 0, next.stderr);
    assert.match(next.stdout, new RegExp(`Built ${COPIES} articles`));
    assert.deepEqual(await leftovers(), [], 'no staging or old folder left');
    assert.equal((await readdir(path.join(output, 'articles'))).length, COPIES);
    await assertLinksResolve(output);
  });
});

describe('stopped between the two renames of the swap (live output moved aside, staging not in place)', () => {
  const DEAD = 999999999; // no such process
  test('Ctrl-C: the exit handler puts the previous output back and removes the staging folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clippings-swap-'));
    const live = path.join(dir, 'site');
    await mkdir(`${live}.old-${process.pid}`);
    await writeFile(path.join(`${live}.old-${process.pid}`, 'index.html'), 'previous');
    await mkdir(`${live}.staging-${process.pid}`);
    abandonStaging(`${live}.staging-${process.pid}`, live);
    assert.equal(await readFile(path.join(live, 'index.html'), 'utf8'), 'previous');
    assert.deepEqual((await readdir(dir)).sort(), ['site']);
    await rm(dir, { recursive: true, force: true });
  });

  test('SIGKILL: the next build puts the previous output back instead of deleting it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clippings-swap-'));
    const live = path.join(dir, 'site');
    await mkdir(`${live}.old-${DEAD}`);
    await writeFile(path.join(`${live}.old-${DEAD}`, 'index.html'), 'previous');
    await mkdir(`${live}.staging-${DEAD}`);
    await cleanStaleOutputs(live);
    assert.equal(await readFile(path.join(live, 'index.html'), 'utf8'), 'previous');
    assert.deepEqual((await readdir(dir)).sort(), ['site']);
    // With the live output in place, a stale old folder is just removed.
    await mkdir(`${live}.old-${DEAD}`);
    await cleanStaleOutputs(live);
    assert.deepEqual((await readdir(dir)).sort(), ['site']);
    assert.equal(await readFile(path.join(live, 'index.html'), 'utf8'), 'previous');
    await rm(dir, { recursive: true, force: true });
  });
});

/** The seed with its own timestamp, title and URL, so every copy is a distinct article. */
function copyOf(seed: string, i: number): string {
  const lines = seed.split('\n');
  lines[0] = `<!--${1693421125000 + i * 600_000}-->`;
  const link = /^\[(.*)\]\((.*)\)$/.exec(lines[1] ?? '');
  assert.ok(link, 'the seed’s second line is [title](url)');
  lines[1] = `[${link[1]}（副本 ${i}）](${link[2]}-copy-${i})`;
  return lines.join('\n');
}

interface Interrupted {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly pid: number | undefined;
  readonly sawStaging: boolean;
  readonly log: string;
}

/**
 * Starts `build --full` of the large archive over the existing output and sends `signal` as soon as
 * Eleventy has written its first article page into the build's staging folder
 * (`<output>.staging-<pid>/articles/`): the build is rendering, and nothing has been published yet.
 */
async function interruptWhileRendering(signal: NodeJS.Signals): Promise<Interrupted> {
  const args = ['build', '--full', '--input', large, '--output', output, '--cache-dir', cache];
  const child = spawn(process.execPath, [path.join(REPO, 'bin/clippings.js'), ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, sig) => done({ code, signal: sig })));
  const staging = `${output}.staging-${child.pid}`;
  let sawStaging = false;
  let finished = false;
  void exited.then(() => (finished = true));
  const deadline = Date.now() + 60_000;
  while (!finished && Date.now() < deadline) {
    if (entries(path.join(staging, 'articles')) > 0) {
      sawStaging = true;
      child.kill(signal);
      break;
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  if (!sawStaging && !finished) child.kill('SIGKILL');
  const result = await exited;
  return { ...result, pid: child.pid, sawStaging, log };
}

function entries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0; // not created yet
  }
}

async function leftovers(): Promise<string[]> {
  return (await readdir(work)).filter((name) => name.includes('.staging-') || name.includes('.old-'));
}



/** Every same-site link of the home page points at a file of the output (`/x/` → x/index.html). */
async function assertLinksResolve(site: string): Promise<void> {
  const html = await readFile(path.join(site, 'index.html'), 'utf8');
  const hrefs = selectAll('a[href]', fromHtml(html)).map((a) => String(a.properties['href']));
  const local = [...new Set(hrefs.filter((href) => href.startsWith('/') && !href.startsWith('//')))];
  assert.ok(local.some((href) => href.startsWith('/articles/')), 'the home page links to articles');
  const missing = local.filter((href) => {
    const rel = decodeURIComponent(new URL(href, 'http://x').pathname).replace(/^\//, '');
    return !existsSync(path.join(site, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel));
  });
  assert.deepEqual(missing, [], 'links on the home page that lead nowhere');
}
