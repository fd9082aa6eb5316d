import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache key made of source code: the sha256 (16 hex digits) of the name and bytes of every `.ts`
 * file of `dirs` (in name order), then of `files`. A key built from the code a result depends on,
 * rather than a hand-bumped number, changes with any edit of that code, so no cache is served stale.
 */
export function hashSources(dirs: readonly string[], files: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  }
  for (const file of files) hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
