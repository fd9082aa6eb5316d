import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/**
 * A maker of temporary folders (`prefix` + random), all removed once the test file's tests are done.
 *
 *     const tempDir = tempDirs('clippings-archive-');
 *     const dir = await tempDir();
 */
export function tempDirs(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
