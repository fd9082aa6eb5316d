/**
 * checkOutput: reads a built site the way a browser and a feed reader would, and reports anything in
 * it that could run a script or load active content: foreign `<script>`s, `on*` handlers, dangerous URL
 * schemes, embedding elements, meta refresh (but an immediate one to a same-site path), active CSS, and a missing or weak Content-Security-Policy.
 *
 * - HTML is parsed with parse5 (the WHATWG algorithm browsers use), so escaped text such as
 *   `&lt;script&gt;` in a text node is text, never a finding.
 * - XML (RSS/Atom) and JSON are parsed (a parse failure is a finding); strings that a reader renders as
 *   HTML (RSS description/content:encoded/title, Atom type="html", JSON keys ending in "html") are decoded
 *   once by the parser and then checked as HTML fragments.
 *
 * ```ts
 * const findings = await checkOutput('/tmp/site', { ownScripts: ['assets/site.js'] });
 * assert.deepEqual(findings, []);
 * ```
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export interface Finding {
  /** Path of the file, relative to the checked folder ("/"-separated), or the label given. */
  readonly file: string;
  readonly problem: string;
  /** The offending markup or value, shortened. */
  readonly excerpt: string;
  /** 1-based line in the file when known. */
  readonly line?: number;
}

export interface CheckOptions {
  /** The site's own external scripts, as paths relative to the site root (e.g. "assets/site.js"). */
  readonly ownScripts?: readonly string[];
}

/** Checks every .html, .xml and .json file under `dir` (recursively). */
export async function checkOutput(dir: string, options: CheckOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of await listFiles(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const lower = name.toLowerCase();
    if (lower.endsWith('.html') || lower.endsWith('.htm')) {
      findings.push(...checkHtmlPage(await readFile(path, 'utf8'), name, options));
    } else if (lower.endsWith('.xml') || lower.endsWith('.rss') || lower.endsWith('.atom')) {
      findings.push(...checkXml(await readFile(path, 'utf8'), name, options));
    } else if (lower.endsWith('.json') || lower.endsWith('.webmanifest')) {
      findings.push(...checkJson(await readFile(path, 'utf8'), name, options));
    }
  }
  return findings;
}

/** A whole page: the element rules plus the Content-Security-Policy rules. */
export function checkHtmlPage(html: string, file: string, options: CheckOptions = {}): Finding[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const findings: Finding[] = [];
  walk(document, { file, html, options, findings });
  findings.push(...checkCsp(document, file));
  return findings;
}

/** A fragment (an article body, a feed's HTML content): the element rules only. */
export function checkHtmlFragment(html: string, file: string, options: CheckOptions = {}): Finding[] {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const findings: Finding[] = [];
  walk(fragment, { file, html, options, findings });
  return findings;
}

/** An RSS or Atom feed (or any XML): it must parse, and its HTML-bearing text must be clean. */
export function checkXml(xml: string, file: string, options: CheckOptions = {}): Finding[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [{ file, problem: `XML does not parse: ${valid.err.msg}`, excerpt: excerptAtLine(xml, valid.err.line), line: valid.err.line }];
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: true,
    htmlEntities: true, // decodes numeric character references, exactly one level like an XML parser
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    textNodeName: '#text',
  });
  const findings: Finding[] = [];
  visitXml(parser.parse(xml) as unknown, [], (path, value, type) => {
    if (!rendersAsHtml(path, type) || !value.includes('<')) return;
    for (const f of checkHtmlFragment(value, file, options)) {
      findings.push({ ...f, problem: `${path.join('>')} decodes to active markup: ${f.problem}`, line: undefined });
    }
  });
  return findings;
}

/** A JSON file (JSON Feed, search index, manifest): it must parse; values under *html keys are HTML. */
export function checkJson(json: string, file: string, options: CheckOptions = {}): Finding[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return [{ file, problem: `JSON does not parse: ${error instanceof Error ? error.message : String(error)}`, excerpt: json.slice(0, 120) }];
  }
  const findings: Finding[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (/html$/i.test(key) && node.includes('<')) {
        for (const f of checkHtmlFragment(node, file, options)) findings.push({ ...f, problem: `"${key}" holds active markup: ${f.problem}`, line: undefined });
      }
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(value, '');
  return findings;
}

// ---------------------------------------------------------------------------------------- HTML rules

interface Context {
  readonly file: string;
  readonly html: string;
  readonly options: CheckOptions;
  readonly findings: Finding[];
}

/** Attributes whose value is one URL. `href` covers SVG's `xlink:href` (parse5 keeps the prefix apart). */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'poster', 'background', 'cite', 'data', 'codebase', 'lowsrc',
  'dynsrc', 'longdesc', 'ping', 'manifest', 'usemap', 'icon', 'classid', 'archive', 'from', 'to', 'by',
]);
/** Attributes holding several URLs. */
const LIST_ATTRIBUTES = new Map<string, RegExp>([
  ['srcset', /,/],
  ['imagesrcset', /,/],
  ['values', /;/],
]);
const EMBEDDING = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet', 'portal', 'fencedframe']);
const MARKERS = /alert\s*\(|confirm\s*\(|prompt\s*\(|document\.domain|window\.__xss/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp)[;,]/;

function walk(parent: ParentNode, context: Context): void {
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    checkElement(node, context);
    walk(node, context);
    if (node.tagName === 'template' && 'content' in node) walk(node.content as ParentNode, context);
  }
}

const SAME_SITE_REDIRECT = /^0; url=\/(?![/\\])[a-z0-9/._~-]*$/;

function checkElement(element: Element, context: Context): void {
  const name = element.tagName.toLowerCase();
  const report = (problem: string): void => {
    const location = element.sourceCodeLocation;
    const start = location?.startTag ?? location;
    context.findings.push({
      file: context.file,
      problem,
      excerpt: start ? shorten(context.html.slice(start.startOffset, start.endOffset)) : `<${name}>`,
      ...(start ? { line: start.startLine } : {}),
    });
  };

  if (name === 'script') checkScript(element, context, report);
  if (EMBEDDING.has(name)) report(`<${name}> element (embeds or redirects active content)`);
  // The one refresh allowed: a moved topic's redirect page, at once, to a path of the same site.
  if (name === 'meta' && /refresh/i.test(attribute(element, 'http-equiv') ?? '') && !SAME_SITE_REDIRECT.test(attribute(element, 'content') ?? '')) {
    report('<meta http-equiv="refresh">');
  }
  if (name === 'style') {
    const css = textOf(element);
    const problem = activeCss(css);
    if (problem !== undefined) report(`<style> element ${problem}`);
  }

  for (const attr of element.attrs) {
    const attrName = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
    const bare = attr.name.toLowerCase();
    if (bare.startsWith('on')) {
      report(`event handler attribute ${attrName}="${shorten(attr.value)}"`);
      continue;
    }
    if (bare === 'style') {
      const problem = activeCss(attr.value);
      if (problem !== undefined) report(`style attribute ${problem}`);
      continue;
    }
    if (bare === 'srcdoc') {
      report(`srcdoc attribute (an inline document)`);
      continue;
    }
    const separator = LIST_ATTRIBUTES.get(bare);
    const urls = separator
      ? attr.value.split(separator).map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
      : URL_ATTRIBUTES.has(bare) ? [attr.value] : [];
    for (const url of urls) {
      const scheme = dangerousScheme(url, name, bare);
      if (scheme !== undefined) report(`${scheme} URL in ${attrName}="${shorten(attr.value)}"`);
    }
  }
}

/** The site's own scripts pass; every other script element is a finding. */
function checkScript(element: Element, context: Context, report: (problem: string) => void): void {
  const src = attribute(element, 'src');
  const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
  if (src !== undefined) {
    if (!isOwnScript(src, context.options.ownScripts ?? [])) report(`<script src="${shorten(src)}"> is not one of the site's own scripts`);
    return;
  }
  const content = textOf(element);
  if (type === 'application/ld+json') {
    if (/<\/script|<!--|<script/i.test(content)) return report('JSON-LD script contains "<script", "</script" or "<!--" unescaped');
    try {
      JSON.parse(content);
    } catch {
      report('JSON-LD script does not parse as JSON');
    }
    return;
  }
  report(`inline <script>${MARKERS.test(content) ? ' with a payload marker' : ''}: ${shorten(content)}`);
}

function isOwnScript(src: string, own: readonly string[]): boolean {
  const trimmed = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('\\')) return false;
  const path = trimmed.split(/[?#]/, 1)[0]!.replace(/^(\.{1,2}\/)+/, '').replace(/^\/+/, '');
  return own.some((entry) => {
    const wanted = entry.replace(/^\/+/, '');
    return path === wanted || path.endsWith(`/${wanted}`);
  });
}

/** "javascript:" etc. when the URL is dangerous in this place, else undefined. */
function dangerousScheme(raw: string, element: string, attr: string): string | undefined {
  // Browsers strip leading C0 controls and spaces and drop tabs/newlines anywhere; strip every control
  // character and space (stricter), and compare the scheme case-insensitively.
  const normalized = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  if (scheme === undefined) return undefined;
  if (['javascript', 'vbscript', 'livescript', 'mocha', 'jscript'].includes(scheme)) return `${scheme}:`;
  if (scheme === 'data') {
    const imageSlot = (element === 'img' && (attr === 'src' || attr === 'srcset')) || (element === 'source' && attr === 'srcset');
    return imageSlot && SAFE_DATA_IMAGE.test(normalized) ? undefined : 'data:';
  }
  return undefined;
}

/** Why this CSS is active (script, remote import, binding), or undefined. */
function activeCss(css: string): string | undefined {
  const decoded = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1')
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase();
  if (decoded.includes('expression(')) return 'contains expression()';
  if (/javascript:|vbscript:/.test(decoded)) return 'contains a javascript:/vbscript: URL';
  if (decoded.includes('@import')) return 'contains @import';
  if (/-moz-binding|behavior:/.test(decoded)) return 'contains -moz-binding/behavior';
  if (MARKERS.test(decoded)) return 'contains a script payload marker';
  return undefined;
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

// ----------------------------------------------------------------------------------------- CSP rules

function checkCsp(document: DefaultTreeAdapterTypes.Document, file: string): Finding[] {
  const head = findElement(document, (e) => e.tagName === 'head');
  const metas: Element[] = [];
  if (head) collect(head, (e) => e.tagName === 'meta' && (attribute(e, 'http-equiv') ?? '').trim().toLowerCase() === 'content-security-policy', metas);
  const finding = (problem: string, excerpt = ''): Finding => ({ file, problem, excerpt });
  if (metas.length === 0) return [finding('no Content-Security-Policy <meta> in <head>')];
  const policy = attribute(metas[0]!, 'content') ?? '';
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.map((v) => v.toLowerCase()));
  }
  const out: Finding[] = [];
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  if (scriptSrc === undefined) out.push(finding('CSP has neither script-src nor default-src', policy));
  else if (scriptSrc.includes("'unsafe-inline'")) out.push(finding("CSP script-src allows 'unsafe-inline'", policy));
  const objectSrc = directives.get('object-src') ?? directives.get('default-src');
  if (objectSrc?.join(' ') !== "'none'") out.push(finding("CSP lacks object-src 'none'", policy));
  if (directives.get('base-uri')?.join(' ') !== "'none'") out.push(finding("CSP lacks base-uri 'none'", policy));
  return out;
}

// ------------------------------------------------------------------------------------------ helpers

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name.toLowerCase() === name && !a.prefix)?.value;
}

function textOf(element: Element): string {
  return element.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
}

function findElement(parent: ParentNode, test: (e: Element) => boolean): Element | undefined {
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    if (test(node)) return node;
    const inner = findElement(node, test);
    if (inner) return inner;
  }
  return undefined;
}

function collect(parent: ParentNode, test: (e: Element) => boolean, out: Element[]): void {
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    if (test(node)) out.push(node);
    collect(node, test, out);
  }
}

type XmlVisitor = (path: readonly string[], value: string, type: string | undefined) => void;

function visitXml(node: unknown, path: readonly string[], visit: XmlVisitor, type?: string): void {
  if (typeof node === 'string') return visit(path, node, type);
  if (Array.isArray(node)) {
    for (const item of node) visitXml(item, path, visit, type);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const ownType = typeof record['@_type'] === 'string' ? (record['@_type'] as string).toLowerCase() : undefined;
  for (const [key, value] of Object.entries(record)) {
    if (key === '#text') visitXml(value, path, visit, ownType);
    else if (key.startsWith('@_')) visitXml(value, [...path, key], visit, undefined);
    else visitXml(value, [...path, key], visit, ownType);
  }
}

/**
 * Which XML text a feed reader renders as HTML: RSS description, content:encoded and (RSS 2.0 leaves it
 * open, readers differ, so conservatively) title; Atom elements with type="html". Atom text (the
 * default type) is plain text and is not checked.
 */
function rendersAsHtml(path: readonly string[], type: string | undefined): boolean {
  const last = path[path.length - 1] ?? '';
  if (last.startsWith('@_')) return false;
  if (path[0] === 'feed') return type === 'html';
  return last === 'description' || last === 'content:encoded' || last === 'title';
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

function excerptAtLine(text: string, line: number): string {
  return shorten(text.split('\n')[line - 1] ?? '');
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}
