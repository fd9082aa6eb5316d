import assert from 'node:assert/strict';
import { access, copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clippings } from './fixtures/cli/run-clippings.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const corpus = path.join(repo, '../shared/corpus/real');
const present = await access(corpus).then(() => true, () => false);
let root = '';
after(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

/** Figures, not a timed assertion: the real corpus builds, rebuilds with no change, and with one file added. */
test('clippings build --input ../shared/corpus/real completes (full, no-change, add-one)', async (t) => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-real-'));
  const output = path.join(root, 'site');
  const run = async (label: string, args: string[]): Promise<string> => {
    const started = Date.now();
    const result = await clippings(['build', '--output', output, '--cache-dir', path.join(root, 'cache'), ...args], repo);
    assert.equal(result.code, 0, result.stderr);
    t.diagnostic(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s wall\n${result.stdout.split('\n').filter((l) => !l.startsWith('  ') || /files|pages|duplicates|warnings|search/.test(l)).join('\n')}`);
    return result.stdout;
  };
  const full = await run('full build', ['--input', corpus]);
  assert.match(full, /Built [\d,]+ articles/);
  // Figures only: while layouts/src change between runs (the templates digest), a rebuild is a full one.
  await run('no-change rebuild', ['--input', corpus]);
  // Add one file: a folder of links to the corpus files, built once, then the bundled seed dropped in.
  const input = path.join(root, 'input');
  await linkCorpus(input);
  await run('linked-folder build (new source paths)', ['--input', input]);
  await copyFile(path.join(repo, 'content/000_08cb497c288dbfaf.txt'), path.join(input, 'seed.txt'));
  await run('add-one rebuild', ['--input', input]);
});

/** The loader follows links to files, not to folders: link each outlet's files. */
async function linkCorpus(input: string): Promise<void> {
  for (const outlet of await readdir(corpus, { withFileTypes: true })) {
    if (!outlet.isDirectory()) continue;
    await mkdir(path.join(input, outlet.name), { recursive: true });
    for (const name of await readdir(path.join(corpus, outlet.name))) await symlink(path.join(corpus, outlet.name, name), path.join(input, outlet.name, name));
  }
}
