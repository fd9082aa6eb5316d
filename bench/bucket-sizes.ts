/**
 * `node --import tsx bench/bucket-sizes.ts <built site> [terms]`
 *
 * What the bucket sizes of src/site/search/write-segment.ts (`bucketCount`) would make of a built
 * site's search index, by calculation from its own files: per segment, the bucket files it has and
 * the average gzip'd bucket (what a query loads per term from that segment, beyond the term's own
 * postings), then the same with `bucketCount` as it is now (gzip'd size taken as proportional to the
 * raw bucket size). A first query loads one bucket per term from every segment, so the difference
 * in its bytes is Σ Δ(average bucket) × terms (5 for 世界卫生组织, the bench's heaviest query).
 * Run it on an index built with other sizes (e.g. the lead's 100k build) to see what a change
 * would do there without building it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchManifest } from '../src/site/search/search-format.ts';
import { BLOCK_DOCS } from '../src/site/search/segment-layout.ts';
import { bucketCount } from '../src/site/search/write-segment.ts';

const [site, termsArg] = process.argv.slice(2);
if (site === undefined) {
  console.error('usage: node --import tsx bench/bucket-sizes.ts <built site> [terms]');
  process.exit(2);
}
const terms = Number(termsArg ?? 5);
const root = join(site, 'search');
const manifest = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as SearchManifest;
console.log('| segment | articles | files | avg bucket (gzip) | files now | avg bucket now |\n|---|--:|--:|--:|--:|--:|');
let files = 0;
let filesNow = 0;
let perTerm = 0;
let perTermNow = 0;
for (const s of manifest.segments) {
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(join(root, s.dir))) {
    const bytes = readFileSync(join(root, s.dir, name));
    gz += bytes.length;
    raw += gunzipSync(bytes).length;
  }
  const now = bucketCount(raw, s.count);
  files += s.buckets;
  filesNow += now;
  // The tail is one file, loaded once whatever the terms.
  if (s.count >= BLOCK_DOCS) perTerm += gz / s.buckets;
  if (s.count >= BLOCK_DOCS) perTermNow += gz / now;
  console.log(`| ${s.dir} | ${s.count.toLocaleString('en-US')} | ${s.buckets} | ${(gz / s.buckets / 1024).toFixed(1)} KB | ${now} | ${(gz / now / 1024).toFixed(1)} KB |`);
}
console.log(`\nbucket files ${files.toLocaleString('en-US')} → ${filesNow.toLocaleString('en-US')}; a term loads ${(perTerm / 1024).toFixed(1)} → ${(perTermNow / 1024).toFixed(1)} KB of sealed segments' buckets; a ${terms}-term query ${((perTermNow - perTerm) * terms / 1024).toFixed(0)} KB more`);
