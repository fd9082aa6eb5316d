import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../site/site-config.ts';

/** What every page's HTML depends on besides its own model. */
const TREES = ['layouts', 'public', 'src/site', 'src/text'];
const FILES = ['.eleventy.ts', 'package.json'];

/**
 * sha256 over the contents of layouts/**, public/**, src/site/**, src/text/** (search terms), .eleventy.ts, package.json,
 * the parser version and the site config. When it changes, every page is rebuilt.
 */
export async function templatesDigest(projectDir: string, parserVersion: string, config: SiteConfig): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ parserVersion, config }));
  const files: string[] = [...FILES];
  for (const tree of TREES) files.push(...(await listFiles(path.join(projectDir, tree), tree)));
  files.sort();
  for (const rel of files) {
    const bytes = await readFile(path.join(projectDir, rel)).catch(() => undefined);
    hash.update(`\0${rel}\0${bytes === undefined ? 'missing' : createHash('sha256').update(bytes).digest('hex')}`);
  }
  return hash.digest('hex');
}

async function listFiles(dir: string, rel: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
