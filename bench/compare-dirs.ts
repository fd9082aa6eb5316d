/** Compares two output folders: same set of files and the same bytes in each. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DirComparison {
  readonly identical: boolean;
  readonly files: number;
  readonly onlyInFirst: readonly string[];
  readonly onlyInSecond: readonly string[];
  readonly differing: readonly string[];
}

export function compareDirs(first: string, second: string): DirComparison {
  const a = listFiles(first);
  const b = new Set(listFiles(second));
  const onlyInFirst: string[] = [];
  const differing: string[] = [];
  for (const rel of a) {
    if (!b.has(rel)) onlyInFirst.push(rel);
    else if (!readFileSync(join(first, rel)).equals(readFileSync(join(second, rel)))) differing.push(rel);
    b.delete(rel);
  }
  const onlyInSecond = [...b];
  return { identical: onlyInFirst.length + onlyInSecond.length + differing.length === 0, files: a.length, onlyInFirst, onlyInSecond, differing };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}
