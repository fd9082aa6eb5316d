import { createHash } from 'node:crypto';
import type { Capture } from '../article/article.ts';
import { readCheckedFile, writeCheckedFile } from '../runtime/checked-file.ts';
import { KeptValues } from '../runtime/kept-values.ts';
import { diffCaptures, type CaptureDiff } from './diff-captures.ts';

/** Bump when diffCaptures' output or this file's layout changes: a file of another version is never read. */
export const CAPTURE_DIFFS_VERSION = 1;

/**
 * Diffs of consecutive captures (src/archive/diff-captures.ts) kept between builds: a diff is a function
 * of the two captures' times, titles and texts alone, so it is kept under the sha1 of them. Diffing
 * every recaptured article's captures token by token was 2 s of every 100k rebuild; a rebuild now
 * diffs only the pairs it has not seen (reading the two texts to hash them costs a fraction of that).
 * Only the pairs a build used are kept. A missing, foreign or damaged file (its first line holds the
 * version and the sha1 of the rest) is no cache: every pair is diffed.
 */
export class CaptureDiffs {
  private constructor(
    private readonly file: string | undefined,
    private readonly kept: KeptValues<CaptureDiff>,
  ) {}

  /** The diffs kept in `file`; undefined keeps nothing (every pair diffed). */
  static open(file: string | undefined): CaptureDiffs {
    return new CaptureDiffs(file, new KeptValues(file === undefined ? new Map() : read(file)));
  }

  /** `diffCaptures(older, newer)`, from the file when this pair was diffed before. */
  diff(older: Capture, newer: Capture): CaptureDiff {
    if (this.file === undefined) return diffCaptures(older, newer);
    const key = createHash('sha1').update(JSON.stringify([older.capturedAt, older.title, older.text, newer.capturedAt, newer.title, newer.text])).digest('base64');
    return this.kept.get(key, () => diffCaptures(older, newer));
  }

  /** Keeps the diffs this build used; writes nothing when the file holds exactly them. */
  save(): void {
    const used = this.kept.toSave;
    if (this.file === undefined || used === undefined) return;
    const body = JSON.stringify(Object.fromEntries(used));
    writeCheckedFile(this.file, CAPTURE_DIFFS_VERSION, () => [body]);
  }
}

function read(file: string): Map<string, CaptureDiff> {
  const body = readCheckedFile(file, CAPTURE_DIFFS_VERSION);
  try {
    const diffs = body === undefined ? undefined : (JSON.parse(body) as unknown);
    if (typeof diffs !== 'object' || diffs === null || Array.isArray(diffs)) return new Map();
    return new Map(Object.entries(diffs as Record<string, CaptureDiff>));
  } catch {
    return new Map();
  }
}
