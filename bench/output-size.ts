/**
 * `node --import tsx bench/output-size.ts <output folder>`
 *
 * Files and bytes on disk of a built site by kind (bench/output-kind.ts), and per article (article
 * pages counted as articles): the "files per article" and "KB per article" figures of issue #16,
 * for any output at hand without rerunning the benchmark.
 */
import { sizeOf } from './measure-churn.ts';
import { snapshotOutput } from './snapshot-output.ts';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: node --import tsx bench/output-size.ts <output folder>');
  process.exit(2);
}
const { sizeByKind, outputFiles, outputDiskBytes } = sizeOf(snapshotOutput(dir));
const articles = sizeByKind.article?.files ?? 0;
console.log('| kind | files | MB on disk |\n|---|---|---|');
for (const [kind, f] of Object.entries(sizeByKind).sort((a, b) => b[1].files - a[1].files)) console.log(`| ${kind} | ${f.files.toLocaleString('en-US')} | ${(f.bytes / 1048576).toFixed(1)} |`);
console.log(`\n${outputFiles.toLocaleString('en-US')} files, ${(outputDiskBytes / 1048576).toFixed(1)} MB on disk for ${articles.toLocaleString('en-US')} articles: ${(outputFiles / articles).toFixed(2)} files and ${(outputDiskBytes / 1024 / articles).toFixed(1)} KB per article`);
