import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listSeedFiles, type SeedFile } from '../../archive/list-seed-files.ts';
import type { SiteConfig } from '../../site/site-config.ts';

/** What a build's output depends on, each part as a digest: equal parts, equal output. */
export interface InputsStamp {
  /** Every source file of the program (src/, layouts/, public/, bin/, the Eleventy config, the package and lock files), by content, and Node's version. */
  readonly code: string;
  /** The resolved site config (flags and config file) and the input folder's path. */
  readonly config: string;
  /** Every seed file's path, size, mtime, ctime and inode. */
  readonly seeds: string;
  /** The mirrored-image cache: its index.json by content and the names of its files. */
  readonly media: string;
  /** A seed changed so recently (within RACY_MS of this stamp) that a later edit could keep its size and times: the stamp is not trusted. */
  readonly racy?: string;
  readonly seedCount: number;
  readonly codeFiles: number;
  /** The listed seeds, handed to the load phase so the folder is walked once. */
  readonly files: readonly SeedFile[];
}

/**
 * A seed whose ctime (set by the kernel on every change, and never backwards) is this close to the
 * stamp could change again with the same size and times, so such a stamp is not written. Two seconds
 * where the file system keeps times to the second (ctime a whole second; FAT keeps two)…
 */
export const RACY_MS = 2000;
/**
 * …and a tenth of a second where it keeps finer times (ext4, xfs, btrfs, tmpfs, APFS, NTFS): the
 * kernel stamps a change with a clock that runs a few milliseconds behind the one Date.now() reads.
 */
export const FINE_RACY_MS = 100;

const CODE_TREES = ['src', 'layouts', 'public', 'bin'];
const CODE_FILES = ['.eleventy.ts', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/**
 * Stamps a build's inputs cheaply: the code and config by content (a few hundred small files), the
 * seeds by their file system metadata (one stat each, no read). Used by the no-change fast path and
 * written by every successful build.
 */
export async function stampInputs(input: string, config: SiteConfig, projectDir: string): Promise<InputsStamp> {
  const takenAt = Date.now();
  const files = await listSeedFiles(input);
  const seeds = createHash('sha256');
  let racy: string | undefined;
  for (const file of files) {
    seeds.update(`${file.path}\0${file.size}\0${file.mtimeMs}\0${file.ctimeMs}\0${file.ino}\n`);
    if (racy === undefined && file.ctimeMs >= takenAt - (Number.isInteger(file.ctimeMs / 1000) ? RACY_MS : FINE_RACY_MS)) racy = file.path;
  }
  const code = codeDigest(projectDir);
  return {
    code: code.digest,
    codeFiles: code.files,
    config: sha256(JSON.stringify({ input: path.resolve(input), config })),
    seeds: seeds.digest('hex'),
    media: mediaDigest(config.mediaDir ?? 'media'),
    ...(racy === undefined ? {} : { racy }),
    seedCount: files.length,
    files,
  };
}

function codeDigest(projectDir: string): { digest: string; files: number } {
  const rels = [...CODE_FILES];
  for (const tree of CODE_TREES) {
    let entries;
    try {
      entries = readdirSync(path.join(projectDir, tree), { recursive: true, withFileTypes: true, encoding: 'utf8' });
    } catch {
      rels.push(`${tree}/`); // missing: the digest says so
      continue;
    }
    for (const e of entries) if (e.isFile()) rels.push(path.relative(projectDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  rels.sort();
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const rel of rels) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path.join(projectDir, rel));
    } catch {
      bytes = undefined;
    }
    hash.update(`${rel}\0${bytes === undefined ? 'missing' : sha256(bytes)}\n`);
  }
  return { digest: hash.digest('hex'), files: rels.length };
}

/** The mirror writes `<mediaDir>/index.json` and content-named files: the index's bytes and the names say it all. */
function mediaDigest(mediaDir: string): string {
  let index: Buffer;
  try {
    index = readFileSync(path.join(mediaDir, 'index.json'));
  } catch {
    return 'none';
  }
  const names = readdirSync(mediaDir, { recursive: true, encoding: 'utf8' }).filter((n) => statSync(path.join(mediaDir, n), { throwIfNoEntry: false })?.isFile());
  return sha256(`${sha256(index)}\0${names.sort().join('\n')}`);
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
