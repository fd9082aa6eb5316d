// What the compiled dist/ is checked against: the path, size and mtime of every file bin/compile.js
// compiles (src/**, layouts/**, .eleventy.ts) and of the compile script itself. A stat per file, ~150
// files: a few milliseconds, paid on every run of the command so it never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_DIRS = ['src', 'layouts'];
export const SOURCE_FILES = ['.eleventy.ts', 'bin/compile.js', 'bin/sources-stamp.js'];
export const STAMP_FILE = '.sources-stamp';

/** The TypeScript modules to compile, relative to root, sorted. */
export function listSources(root) {
  const files = SOURCE_FILES.filter((f) => f.endsWith('.ts'));
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      files.push(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return files.sort();
}

/** One line per compiled-from file: `path size mtimeMs`. Any edit, addition or removal changes it. */
export function sourcesStamp(root) {
  const files = [...new Set([...listSources(root), ...SOURCE_FILES])].sort();
  return files
    .map((rel) => {
      const s = statSync(path.join(root, rel), { throwIfNoEntry: false });
      return s === undefined ? `${rel} missing` : `${rel} ${s.size} ${s.mtimeMs}`;
    })
    .join('\n');
}
