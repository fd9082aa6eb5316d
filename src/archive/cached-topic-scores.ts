import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KeptValues } from '../runtime/kept-values.ts';
import { writeFileAtomicSync } from '../runtime/write-file-atomic.ts';

/** Bump when the scores or this file's layout change: a file of another version is never read. */
export const TOPIC_SCORES_VERSION = 1;

/** Bytes of an entry's key: the sha1 of the text the classifier read. */
const KEY_BYTES = 20;

/**
 * The topic model's probabilities for each article, kept between builds beside the model
 * (src/archive/cached-topic-model.ts). A model's scores are a function of the model and of the text it
 * classifies (the folded title and text start, `topicText`) alone, so they are kept under the model's
 * key, each by the sha1 of that text: between two training levels a rebuild classifies only the new
 * articles (cutting and scoring every article was 0.4 s of the 10k add-one rebuild). Another model (a
 * retrain, other options or names) is another key: the whole file is set aside. A missing, foreign
 * or broken file is no cache.
 *
 * Layout: u32 header length, JSON header { version, key, topics, count, sum }, then `count` entries of a
 * 20-byte sha1 and `topics` float64 (NaN first where the model knew no term of the text); `sum` is the
 * sha1 of the entries, so a damaged file is never read.
 */
export class TopicScores {
  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly topics: number,
    private readonly kept: KeptValues<Float64Array | undefined>,
  ) {}

  static open(file: string, modelKey: string, topics: number): TopicScores {
    return new TopicScores(file, modelKey, topics, new KeptValues(read(file, modelKey, topics)));
  }

  /** The kept probabilities of `text`, else `classify()`'s (then kept). */
  scoresOf(text: string, classify: () => Float64Array | undefined): Float64Array | undefined {
    return this.kept.get(createHash('sha1').update(text).digest('base64'), classify);
  }

  /** Keeps the scores this build used; writes nothing when the file holds exactly them. */
  save(): void {
    const used = this.kept.toSave;
    if (used === undefined) return;
    const entryBytes = KEY_BYTES + 8 * this.topics;
    const entries = Buffer.alloc(entryBytes * used.size);
    let at = 0;
    for (const [digest, scores] of used) {
      Buffer.from(digest, 'base64').copy(entries, at);
      for (let t = 0; t < this.topics; t++) entries.writeDoubleLE(scores === undefined ? Number.NaN : scores[t]!, at + KEY_BYTES + 8 * t);
      at += entryBytes;
    }
    const sum = createHash('sha1').update(entries).digest('hex');
    const header = Buffer.from(JSON.stringify({ version: TOPIC_SCORES_VERSION, key: this.key, topics: this.topics, count: used.size, sum }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    try {
      writeFileAtomicSync(this.file, Buffer.concat([length, header, entries]));
    } catch {
      // A cache that cannot be written is no cache.
    }
  }
}

function read(file: string, key: string, topics: number): Map<string, Float64Array | undefined> {
  const saved = new Map<string, Float64Array | undefined>();
  try {
    const bytes = readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { version?: unknown; key?: unknown; topics?: unknown; count?: unknown; sum?: unknown };
    const entryBytes = KEY_BYTES + 8 * topics;
    const count = typeof header.count === 'number' ? header.count : -1;
    if (header.version !== TOPIC_SCORES_VERSION || header.key !== key || header.topics !== topics || bytes.length !== 4 + length + count * entryBytes) return saved;
    if (createHash('sha1').update(bytes.subarray(4 + length)).digest('hex') !== header.sum) return saved;
    for (let at = 4 + length; at < bytes.length; at += entryBytes) {
      const digest = bytes.toString('base64', at, at + KEY_BYTES);
      const scores = new Float64Array(topics);
      for (let t = 0; t < topics; t++) scores[t] = bytes.readDoubleLE(at + KEY_BYTES + 8 * t);
      saved.set(digest, Number.isNaN(scores[0]) ? undefined : scores);
    }
  } catch {
    saved.clear();
  }
  return saved;
}
