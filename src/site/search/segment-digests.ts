import { createHash } from 'node:crypto';
import { readCheckedFile, writeCheckedFile } from '../../runtime/checked-file.ts';
import { KeptValues } from '../../runtime/kept-values.ts';
import { FORMAT_VERSION } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';

/** Bump when what an entry holds or how its key is made changes. */
const SEGMENT_DIGESTS_VERSION = 1;

/** What writeSearchIndex digests of a segment's documents by reading their texts: its postings' digest and each chunk's. */
export interface SegmentDigest {
  /** sha256 (hex) that names the segment's postings folder. */
  readonly postings: string;
  /** sha256 (hex) of each of its chunks, in order (searchChunks). */
  readonly chunks: readonly string[];
}

/**
 * The digests of the search index's segments, kept between builds in the cache folder (a checked file,
 * src/runtime/checked-file.ts) so that a rebuild reads no text of a segment whose documents are as they
 * were: finding that the sealed segments are unchanged read and hashed every article's text twice
 * (~0.2 s at 10,000 articles, ~2 s at 100,000). A segment's entry is keyed by the sha1 of its place and
 * its documents' fields with each text given by its `source` (the sha256 of the seed file it was
 * parsed from); `scope` (the build's templates digest, which covers the parser version and the parse
 * options) says what a source's text is made with: another scope, a missing, damaged or foreign file,
 * and the digests are made from the texts again. Only the segments of the last build are kept.
 */
export class SegmentDigests {
  private constructor(
    private readonly file: string,
    private readonly scope: string,
    private readonly kept: KeptValues<SegmentDigest>,
  ) {}

  static open(file: string, scope: string): SegmentDigests {
    return new SegmentDigests(file, scope, new KeptValues(read(file, scope)));
  }

  /** The key of a segment's documents, or undefined when one has no `source` (its text must be read). */
  static keyOf(first: number, docs: readonly SearchDoc[]): string | undefined {
    const hash = createHash('sha1').update(`${FORMAT_VERSION}\0${first}\0${docs.length}`);
    for (const d of docs) {
      if (d.source === undefined) return undefined;
      hash.update(`\0${d.title}\0${d.url}\0${d.outlet}\0${d.topics.join('\u0001')}\0${d.date}\0${d.day}\0${d.source}`);
    }
    return hash.digest('hex');
  }

  /** The kept digests of the segment with this key, else `make()`'s (then kept). */
  digestOf(key: string | undefined, make: () => SegmentDigest): SegmentDigest {
    return key === undefined ? make() : this.kept.get(key, make);
  }

  /** Keeps the digests of this build's segments; writes nothing when the file holds exactly them. */
  save(): void {
    const used = this.kept.toSave;
    if (used === undefined) return;
    const body = JSON.stringify({ scope: this.scope, segments: [...used] });
    writeCheckedFile(this.file, SEGMENT_DIGESTS_VERSION, () => [body]);
  }
}

function read(file: string, scope: string): Map<string, SegmentDigest> {
  const saved = new Map<string, SegmentDigest>();
  const body = readCheckedFile(file, SEGMENT_DIGESTS_VERSION);
  if (body === undefined) return saved;
  try {
    const parsed = JSON.parse(body) as { scope?: unknown; segments?: unknown };
    if (parsed.scope !== scope || !Array.isArray(parsed.segments)) return saved;
    for (const item of parsed.segments as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !isDigest(item[1])) return new Map();
      saved.set(item[0], item[1]);
    }
  } catch {
    saved.clear();
  }
  return saved;
}

function isDigest(value: unknown): value is SegmentDigest {
  const v = value as Partial<SegmentDigest> | null;
  return typeof v === 'object' && v !== null && typeof v.postings === 'string' && Array.isArray(v.chunks) && v.chunks.every((c) => typeof c === 'string');
}
