import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomicPiecesSync } from './write-file-atomic.ts';

/**
 * Cache files a build keeps between runs (related lists, capture diffs, seed hashes): a first line
 * `{"version":N,"sum":"<sha1 of the rest>"}`, then the body. A file of another version, cut short or
 * damaged is never read, so a cache can only be missing, never wrong.
 */

/** The body of `file` when its first line names `version` and the sha1 of the rest; undefined when missing, foreign or damaged. */
export function readCheckedFile(file: string, version: number): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const cut = text.indexOf('\n');
    if (cut < 0) return undefined;
    const header = JSON.parse(text.slice(0, cut)) as { version?: unknown; sum?: unknown };
    const body = text.slice(cut + 1);
    return header.version === version && header.sum === sha1([body]) ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the body `pieces()` gives under its checked first line, atomically and ~1 MB at a time (the
 * body is never one string: the related lists are ~60 MB at 100,000 articles). `pieces` is called twice,
 * for the sum and for the write. A file that cannot be written is no cache: the failure is ignored.
 */
export function writeCheckedFile(file: string, version: number, pieces: () => Iterable<string>): void {
  const header = `${JSON.stringify({ version, sum: sha1(pieces()) })}\n`;
  try {
    writeFileAtomicPiecesSync(file, (function* () {
      yield header;
      yield* pieces();
    })());
  } catch {
    // A cache that cannot be written is no cache.
  }
}

function sha1(pieces: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}
