import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** Every line of a site's data export, in order: the files `data/index.json` lists, gunzipped (as docs/archive-features.md shows). */
export async function readExport(site: string): Promise<string[]> {
  const index = JSON.parse(await readFile(join(site, 'data/index.json'), 'utf8')) as { files: { path: string }[] };
  const lines: string[] = [];
  for (const { path } of index.files) {
    for await (const line of createInterface({ input: createReadStream(join(site, path)).pipe(createGunzip()) })) lines.push(line);
  }
  return lines;
}
