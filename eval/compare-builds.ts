// What changed between two builds of the same archive, as a reader sees it: for each article page, the
// visible text of its <article> (lines added and removed) and its images; then every other output file
// that differs. Use it to review a change to the parser on the real corpus:
//
//     node bin/clippings.js build --input ../shared/corpus/real --output /tmp/before   # on main
//     node bin/clippings.js build --input ../shared/corpus/real --output /tmp/after    # on the branch
//     node --import tsx eval/compare-builds.ts /tmp/before /tmp/after [--lines 6]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { diffArrays } from 'diff';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
const { positionals, values } = parseArgs({ allowPositionals: true, options: { lines: { type: 'string', default: '6' } } });
const [before, after] = positionals;
if (before === undefined || after === undefined) throw new Error('usage: eval/compare-builds.ts <before-output> <after-output> [--lines N]');
const maxLines = Number(values.lines);
const sources = sourcePaths(after);

let changedArticles = 0;
const reasons = new Map<string, number>();
for (const id of new Set([...listDir(join(before, 'articles')), ...listDir(join(after, 'articles'))])) {
  const page = `articles/${id}/index.html`;
  const a = articleView(join(before, page));
  const b = articleView(join(after, page));
  if (a === undefined || b === undefined) {
    console.log(`${page}: ${a === undefined ? 'new' : 'gone'}`);
    continue;
  }
  if (a.lines.join('\n') === b.lines.join('\n') && a.images.join('\n') === b.images.join('\n')) continue;
  changedArticles++;
  console.log(`\n${page}  (${sources.get(id) ?? '?'})  ${b.lines[0]?.slice(0, 50)}`);
  let shown = 0;
  for (const part of diffArrays(a.lines, b.lines)) {
    if (!part.added && !part.removed) continue;
    for (const line of part.value) if (shown++ < maxLines) console.log(`  ${part.added ? '+' : '-'} ${line.slice(0, 160)}`);
  }
  if (shown > maxLines) console.log(`  … ${shown - maxLines} more changed lines`);
  const added = b.images.filter((src) => !a.images.includes(src));
  const removed = a.images.filter((src) => !b.images.includes(src));
  for (const src of added) console.log(`  + image ${src}`);
  for (const src of removed) console.log(`  - image ${src}`);
  const reason = added.length > 0 ? 'image(s) added' : removed.length > 0 ? 'image(s) removed' : 'text';
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}

const otherFiles = [...new Set([...listTree(before), ...listTree(after)])].filter((rel) => !/^articles\/[^/]+\/index\.html$/.test(rel) && !rel.startsWith('pagefind/'));
const differing = otherFiles.filter((rel) => digest(join(before, rel)) !== digest(join(after, rel)));
console.log(`\n${changedArticles} article pages changed what a reader sees (${[...reasons].map(([r, n]) => `${r}: ${n}`).join(', ')})`);
console.log(`${differing.length} other files differ (search bundles not counted): ${differing.slice(0, 30).join(', ')}${differing.length > 30 ? ', …' : ''}`);

/** The visible lines of the page's <article> (one per block) and its image URLs; undefined when the page is missing. */
function articleView(file: string): { lines: string[]; images: string[] } | undefined {
  if (!existsSync(file)) return undefined;
  const lines: string[] = [];
  const images: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text !== '') lines.push(text);
    line = '';
  };
  const visit = (node: Node, inside: boolean): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      if (inside) line += node.value;
      return;
    }
    if (!('tagName' in node) || ['script', 'style', 'template', 'head'].includes(node.tagName)) return;
    const here = inside || node.tagName === 'article';
    if (here && node.tagName === 'img') images.push(node.attrs.find((x) => x.name === 'src')?.value ?? '');
    const block = /^(?:p|div|h[1-6]|li|figcaption|blockquote|tr|section|header|footer|dd|dt|pre)$/.test(node.tagName);
    if (here && block) flush();
    for (const child of node.childNodes as Node[]) visit(child, here);
    if (here && block) flush();
  };
  for (const child of parse(readFileSync(file, 'utf8')).childNodes as Node[]) visit(child, false);
  flush();
  return { lines, images };
}

/** Article id → the seed file it was built from, from the data export. */
function sourcePaths(output: string): Map<string, string> {
  const map = new Map<string, string>();
  const file = join(output, 'data', 'articles.ndjson');
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as { id: string; captures?: { sourcePath?: string }[] };
    const source = record.captures?.[0]?.sourcePath;
    if (source !== undefined) map.set(record.id, source);
  }
  return map;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function listTree(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

function digest(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing';
}
