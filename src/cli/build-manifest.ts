import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../runtime/write-file-atomic.ts';

/** What the last published build of an output folder contained: page path → digest of its inputs. */
export interface BuildManifest {
  readonly output: string;
  readonly templatesDigest: string;
  /** Digest of everything the output depends on (pages, feeds, sitemaps, media, search on/off). */
  readonly siteDigest?: string;
  readonly pages: Readonly<Record<string, string>>;
}

/** The manifest file of an output folder, in the cache dir (never in the published site). */
export function manifestPath(cacheDir: string, output: string): string {
  const key = createHash('sha256').update(path.resolve(output)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'build', `${key}.json`);
}

export async function readManifest(file: string): Promise<BuildManifest | undefined> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as BuildManifest;
    return typeof json.templatesDigest === 'string' && typeof json.pages === 'object' ? json : undefined;
  } catch {
    return undefined; // no manifest or an unreadable one: the build is a full one
  }
}

export async function writeManifest(file: string, manifest: BuildManifest): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(manifest));
}
