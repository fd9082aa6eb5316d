import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file below `dir` (relative path with `/`) → sha256 of its bytes: compares whole build outputs. */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (abs: string, rel: string): Promise<void> => {
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(abs, entry.name), child);
      else files.set(child, createHash('sha256').update(await readFile(path.join(abs, entry.name))).digest('hex'));
    }
  };
  await walk(dir, '');
  return files;
}

/** Same file set, and every file byte-identical. */
export function assertSameTree(actual: Map<string, string>, expected: Map<string, string>): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), 'same file set');
  const differing = [...expected].filter(([rel, hash]) => actual.get(rel) !== hash).map(([rel]) => rel);
  assert.deepEqual(differing, [], 'byte-identical files');
}
