import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../runtime/write-file-atomic.ts';
import { TermTable } from './term-table.ts';
import { topicModelOf, type TopicModel, type TopicModelOptions } from './topic-model.ts';

/** Bump when the model, its terms or this file format change: a file of another version is never read. */
export const TOPIC_MODEL_VERSION = 2;

/**
 * The topic model of a training set, read from `file` when it was saved for the same training set
 * (same `key`: a digest of the version, the options, the taxonomy's names and every training article's
 * id, topic, outlet and text), else trained and saved there. Between two training levels
 * (src/archive/training-size.ts) the training set does not change, so an add-one rebuild reads the model
 * instead of training it: the same bits, so the same topics as a clean build. A file that cannot be
 * read or written only costs the training.
 */
export function cachedTopicModel(file: string | undefined, key: string, train: () => TopicModel, options: TopicModelOptions = {}): TopicModel {
  if (file === undefined) return train();
  const saved = read(file, key, options);
  if (saved !== undefined) return saved;
  const model = train();
  try {
    writeFileAtomicSync(file, serialize(model, key));
  } catch {
    // A cache that cannot be written is no cache.
  }
  return model;
}

/** A digest of what the model is trained from, fed piece by piece. */
export function topicModelKey(): { add(text: string | number): void; digest(): string } {
  const hash = createHash('sha256').update(`topic-model ${TOPIC_MODEL_VERSION}\n`);
  return {
    add(text) {
      hash.update(`${text}\u0000`);
    },
    digest: () => hash.digest('hex'),
  };
}

/** Layout: u32 header length, JSON header { key, size, topics, examples, words: [id, word][] }, then 8-byte aligned int32 firsts, int32 seconds, float64 idf, weights, bias. */
function serialize(model: TopicModel, key: string): Buffer {
  const { table, idf, weights, bias, examples } = model.parts;
  const size = table.size;
  const firsts = new Int32Array(size).fill(-1);
  const seconds = new Int32Array(size).fill(-1);
  const words: [number, string][] = [];
  table.forEach((term, second, id) => {
    if (typeof term === 'string') words.push([id, term]);
    else {
      firsts[id] = term;
      seconds[id] = second;
    }
  });
  const header = Buffer.from(JSON.stringify({ key, size, topics: bias.length, examples, words }));
  const start = align(4 + header.length);
  const parts = [firsts, seconds, idf, weights, bias];
  const out = Buffer.alloc(parts.reduce((at, p) => align(at + p.byteLength), start));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = start;
  for (const part of parts) {
    Buffer.from(part.buffer, part.byteOffset, part.byteLength).copy(out, at);
    at = align(at + part.byteLength);
  }
  return out;
}

function read(file: string, key: string, options: TopicModelOptions): TopicModel | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { key: string; size: number; topics: number; examples: number[]; words: [number, string][] };
    if (header.key !== key) return undefined;
    const { size, topics } = header;
    let at = align(4 + length);
    const take = <T>(make: (b: ArrayBuffer) => T, byteLength: number): T => {
      const copy = new Uint8Array(bytes.subarray(at, at + byteLength)).buffer;
      if (copy.byteLength !== byteLength) throw new Error('short file');
      at = align(at + byteLength);
      return make(copy);
    };
    const firsts = take((b) => new Int32Array(b), size * 4);
    const seconds = take((b) => new Int32Array(b), size * 4);
    const idf = take((b) => new Float64Array(b), size * 8);
    const weights = take((b) => new Float64Array(b), size * topics * 8);
    const bias = take((b) => new Float64Array(b), topics * 8);
    const words = new Map(header.words);
    const table = new TermTable(size);
    for (let id = 0; id < size; id++) {
      const word = words.get(id);
      if ((word === undefined ? table.add(firsts[id]!, seconds[id]!) : table.add(word)) !== id) return undefined;
    }
    return topicModelOf({ table, idf, weights, bias, examples: header.examples }, options.sharpness);
  } catch {
    return undefined;
  }
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
