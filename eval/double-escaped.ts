// Character references a feed escaped twice (`纳粹&amp;#21328;字`), across the real corpus: which files show
// one to readers when references are decoded only once (as the browser/parser does), in which field, and
// whether any is left in what Clippings builds from them (title, lead, summary, text, image alt; feed
// entries are made of the title and summary).
//
//     node --import tsx eval/double-escaped.ts [../shared/corpus/real]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { parseArticle } from '../src/article/parse-article.ts';
import { splitSeed } from '../src/seed/split-seed.ts';

type Node = DefaultTreeAdapterMap['childNode'];
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;
const root = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real');

const files = listFiles(root);
const before = { title: new Set<string>(), text: new Set<string>(), alt: new Set<string>() };
const left: string[] = [];
const examples: string[] = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const rel = relative(root, file);
  const split = splitSeed(bytes, rel);
  if (split.parts === undefined) continue;
  // Decoded once, as the parser does: the raw title line, and the body's text and alt attributes.
  const titleOnce = onceDecodedTitle(bytes);
  if (REFERENCE.test(titleOnce)) {
    before.title.add(rel);
    examples.push(`${rel}: title "${titleOnce.slice(0, 60)}" → "${split.parts.title.slice(0, 60)}"`);
  }
  const scan = (node: Node, literal: boolean): void => {
    if (node.nodeName === '#text' && 'value' in node && !literal && REFERENCE.test(node.value)) before.text.add(rel);
    if (!('tagName' in node)) return;
    if (['script', 'style', 'template'].includes(node.tagName)) return;
    if (node.tagName === 'img' && node.attrs.some((a) => a.name === 'alt' && REFERENCE.test(a.value))) before.alt.add(rel);
    for (const child of node.childNodes as Node[]) scan(child, literal || node.tagName === 'code' || node.tagName === 'pre');
  };
  for (const child of parseFragment(split.parts.body, { scriptingEnabled: false }).childNodes as Node[]) scan(child, false);

  const { article } = parseArticle(bytes, rel, { timeZone: 'Asia/Shanghai', outlets: [] });
  if (article === undefined) continue;
  const alts: string[] = [];
  const collect = (node: Node): void => {
    if (!('tagName' in node)) return;
    for (const a of node.attrs) if (a.name === 'alt') alts.push(a.value);
    for (const child of node.childNodes as Node[]) collect(child);
  };
  for (const child of parseFragment(article.bodyHtml).childNodes as Node[]) collect(child);
  const fields = { title: article.title, lead: article.lead, summary: article.summary, text: article.text, heroAlt: article.hero?.alt ?? '', alt: alts.join(' ') };
  for (const [name, value] of Object.entries(fields)) if (REFERENCE.test(value)) left.push(`${rel}: ${name} still shows ${REFERENCE.exec(value)![0]}`);
}

const affected = new Set([...before.title, ...before.text, ...before.alt]);
console.log(`${files.length} seed files in ${root}`);
console.log(`twice-escaped references shown when decoded once: ${affected.size} files (titles ${before.title.size}, body text ${before.text.size}, image alt ${before.alt.size})`);
for (const line of examples) console.log(`  ${line}`);
for (const rel of [...before.text, ...before.alt].sort()) console.log(`  ${rel}: body text or alt`);
console.log(`left in the built fields (title, lead, summary, text, alt): ${left.length} files`);
for (const line of left) console.log(`  ${line}`);

/** The title line decoded once, tags not interpreted (what decodeTitle did before it decoded twice-escaped references). */
function onceDecodedTitle(bytes: Buffer): string {
  const line = bytes.toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/)[1] ?? '';
  const title = /^\[(.*)\]\(/.exec(line)?.[1] ?? line;
  const node = parseFragment(`<p>${title.replaceAll('<', '&lt;')}`).childNodes[0];
  return node !== undefined && 'childNodes' in node ? (node.childNodes as Node[]).map((c) => ('value' in c ? c.value : '')).join('') : title;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}
