/**
 * When the disk says no: ENOSPC while rendering, writing the search index, the parse cache and `add`, on a
 * small tmpfs this test mounts itself (root only), and EACCES for a user who may not write the output's
 * folder. Each ends with one clear message (what, where, what to do), exit code 1, no backtrace (Rust or
 * Node), and the previous output or archive exactly as it was. Where mounting is not allowed, the ENOSPC
 * tests are skipped and say why.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, SEED_FILE } from './support/browser.ts';
import { runCli } from './support/hostile-build.ts';
import { assertSameTree, snapshotTree } from './support/snapshot-tree.ts';

const work = mkdtempSync(path.join(tmpdir(), 'clippings-disk-full-'));
const mnt = path.join(work, 'mnt');
const content = path.join(work, 'content');
mkdirSync(mnt);
mkdirSync(content);
copyFileSync(path.join(REPO, 'content', SEED_FILE), path.join(content, SEED_FILE));
const mountProblem = tryMount(mnt, '4m');
if (mountProblem !== undefined) console.log(`# disk-full tests skipped: ${mountProblem}`);

after(() => {
  if (mountProblem === undefined) execFileSync('umount', [mnt]);
  rmSync(work, { recursive: true, force: true });
});

/** The signs of an unhandled failure that the message must replace. */
function assertClearFailure(run: { code: number | null; output: string }, message: RegExp): void {
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, message);
  assert.doesNotMatch(run.output, /panicked|stack backtrace|RUST_BACKTRACE|exited with code|\n\s+at .+:\d+:\d+/, 'no backtrace');
}

const build = (output: string, ...more: string[]) =>
  runCli(['build', '--input', content, '--output', output, '--cache-dir', path.join(work, 'cache'), '--time-zone', 'Asia/Shanghai', '--quiet', ...more]);

describe('ENOSPC on a small tmpfs', { skip: mountProblem }, () => {
  const site = path.join(mnt, 'site');
  const filler = path.join(mnt, 'filler');
  let previous: Map<string, string>;
  let pageBytes = 0;

  before(async () => {
    const first = await build(site);
    assert.equal(first.code, 0, first.output);
    previous = await snapshotTree(site);
    pageBytes = diskUsage(site, (rel) => !/^search\/(s\d+-|c\/|f\/|fold-|index\.json|search\.js)/.test(rel));
  });

  test('while rendering: the message names the pages and the output; the previous site is intact', async () => {
    fill(mnt, filler, 48 * 1024);
    try {
      assertClearFailure(await build(site, '--full'), /no space left on device while writing the pages into .*site; free space and rebuild/);
      assertSameTree(await snapshotTree(site), previous);
      assert.deepEqual(readdirSync(mnt).sort(), ['filler', 'site'], 'no staging folder left behind');
    } finally {
      rmSync(filler, { force: true });
    }
  });

  test('while writing the search index: one clear message, the previous site is intact', async () => {
    // Room for the pages, not for the index (its script and fold table alone are ~25 KB).
    fill(mnt, filler, pageBytes + 8 * 1024);
    try {
      assertClearFailure(await build(site, '--full'), /no space left on device while writing the search index into .*site[/\\]search; free space and rebuild/);
      assertSameTree(await snapshotTree(site), previous);
    } finally {
      rmSync(filler, { force: true });
    }
  });

  test('while writing the parse cache', async () => {
    const cache = path.join(mnt, 'cache');
    fill(mnt, filler, 0);
    try {
      const run = await runCli(['build', '--input', content, '--output', path.join(work, 'elsewhere'), '--cache-dir', cache, '--quiet']);
      assertClearFailure(run, /no space left on device while writing the parse cache into .*cache.*; free space and rebuild/);
    } finally {
      rmSync(filler, { force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });

  test('while adding a seed: the archive keeps only whole files', async () => {
    const archive = path.join(mnt, 'archive');
    mkdirSync(archive);
    fill(mnt, filler, 0);
    try {
      const run = await runCli(['add', path.join(content, SEED_FILE), '--input', archive, '--cache-dir', path.join(work, 'add-cache')]);
      assertClearFailure(run, /no space left on device while writing .*\.txt into .*archive.*; free space and run `clippings add` again/);
      assert.deepEqual(listFiles(archive), [], 'no half-written or temporary file');
    } finally {
      rmSync(filler, { force: true });
    }
  });
});

describe('EACCES: a user who may not write beside the output', () => {
  const nobody = uidOf('nobody');
  const skip = process.getuid?.() !== 0 ? 'needs root to run the CLI as another user' : nobody === undefined ? 'no user "nobody"' : false;
  test('the message names the pages and the folder; the previous output is intact', { skip }, async () => {
    const parent = path.join(work, 'locked');
    mkdirSync(parent);
    const output = path.join(parent, 'site');
    assert.equal((await build(output)).code, 0);
    const before = await snapshotTree(output);
    await chmod(work, 0o755);
    await chmod(parent, 0o755); // root's: nobody may read it, not write it
    const cache = path.join(work, 'nobody-cache');
    mkdirSync(cache);
    chownSync(cache, nobody!, nobody!); // the cache is theirs: only the output's folder is not
    const run = execAs(nobody!, ['build', '--input', content, '--output', output, '--cache-dir', cache, '--quiet', '--full']);
    assertClearFailure(run, /permission denied while writing the pages into .*locked[/\\]site; make it writable \(or choose another folder\) and rebuild/);
    assertSameTree(await snapshotTree(output), before);
  });
});

describe('EACCES while publishing an incremental build', () => {
  const nobody = uidOf('nobody');
  const skip = process.getuid?.() !== 0 ? 'needs root to run the CLI as another user' : nobody === undefined ? 'no user "nobody"' : false;
  test('files the user may not replace: the message names publishing and the output; nothing live changed', { skip }, async () => {
    const parent = path.join(work, 'shared-parent');
    const input = path.join(work, 'content-2');
    const cache = path.join(work, 'cache-2');
    mkdirSync(input);
    copyFileSync(path.join(content, SEED_FILE), path.join(input, SEED_FILE));
    mkdirSync(parent);
    const output = path.join(parent, 'site');
    const first = await runCli(['build', '--input', input, '--output', output, '--cache-dir', cache, '--time-zone', 'Asia/Shanghai', '--quiet']);
    assert.equal(first.code, 0, first.output);
    const before = await snapshotTree(output);
    // The user owns the cache and the folder around the output, not the live files (root's).
    await chmod(work, 0o755);
    chownTree(cache, nobody!);
    chownSync(parent, nobody!, nobody!);
    const seed = readFileSync(path.join(input, SEED_FILE), 'utf8').replace(/\]\(https:\/\/[^)]+\)/, '](https://www.rfi.fr/cn/国际/20230901-second-article)');
    writeFileSync(path.join(input, 'second.txt'), seed);
    const run = execAs(nobody!, ['build', '--input', input, '--output', output, '--cache-dir', cache, '--time-zone', 'Asia/Shanghai', '--quiet']);
    assertClearFailure(run, /permission denied while writing the new output \(publishing it\) into .*shared-parent[/\\]site; make it writable \(or choose another folder\) and rebuild/);
    assertSameTree(await snapshotTree(output), before);
  });
});

function chownTree(dir: string, uid: number): void {
  chownSync(dir, uid, uid);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) chownSync(path.join(entry.parentPath, entry.name), uid, uid);
}

function tryMount(dir: string, size: string): string | undefined {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (run the tests as root, e.g. in CI)';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs was refused: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

/** Fills the file system of `dir` with one file, leaving about `leave` bytes free. */
function fill(dir: string, file: string, leave: number): void {
  const { bavail, bsize } = statfsSync(dir);
  const size = Math.max(0, bavail * bsize - leave);
  try {
    writeFileSync(file, Buffer.alloc(size));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error; // full is what was asked for
  }
}

/** Bytes the files below `dir` occupy on disk (blocks), for relative paths that pass `keep`. */
function diskUsage(dir: string, keep: (rel: string) => boolean): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const abs = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(path.relative(dir, abs))) bytes += statSync(abs).blocks * 512;
  }
  return bytes;
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

function uidOf(user: string): number | undefined {
  try {
    return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}

/** Runs the CLI as another user (root only), from a folder that user may read. */
function execAs(uid: number, args: readonly string[]): { code: number | null; output: string } {
  try {
    const out = execFileSync(process.execPath, [path.join(REPO, 'bin', 'clippings.js'), ...args], { cwd: tmpdir(), uid, gid: uid, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number | null; stdout?: string; stderr?: string };
    return { code: e.status, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
