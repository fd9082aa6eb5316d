import { parseFragment, serialize, type DefaultTreeAdapterMap, type ParserOptions } from 'parse5';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];
type P5Element = DefaultTreeAdapterMap['element'];

const HTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Raw-text elements: the parser puts everything up to their end tag (or the end of the body) into one text node. */
const RAW_TEXT = new Set(['textarea', 'xmp', 'plaintext']);
/** Whether a body opens one of RAW_TEXT: only then does the parser need to say which end tags were present. */
const OPENS_RAW_TEXT = /<(?:textarea|xmp|plaintext)[\s/>]/i;
/** Whether a body opens any element this module releases: most do not, and skip the walk. */
const OPENS_RELEASED = /<(?:noscript|svg|math|textarea|xmp|plaintext)[\s/>]/i;
/**
 * SVG and MathML children a reader never sees rendered (or that hold CSS/script): dropped with their content.
 * Names lowercased (SVG's are camel-case in the tree).
 */
const HIDDEN_FOREIGN = new Set([
  'script', 'style', 'title', 'desc', 'metadata', 'defs', 'symbol', 'clippath', 'mask', 'pattern', 'marker',
  'lineargradient', 'radialgradient', 'filter', 'annotation', 'annotation-xml',
]);
/** MathML scripts: the base stays as it is, the scripts become HTML <sub>/<sup> (a², not a2). */
const SCRIPTS: Readonly<Record<string, readonly string[]>> = { msub: ['sub'], msup: ['sup'], msubsup: ['sub', 'sup'] };
/** A raw-text element's swallowed markup is re-parsed at most this deep (`<textarea><textarea>…` nests). */
const MAX_REPARSE = 8;

const PARSE_OPTIONS: ParserOptions<DefaultTreeAdapterMap> = { scriptingEnabled: false };

/**
 * Parses body HTML like a browser with scripting off, then releases the text a reader would have read from
 * elements the sanitize schema removes whole: `<noscript>`, `<svg>` and `<math>` are unwrapped (their
 * ordinary elements and text stay; SVG/MathML styles, scripts, titles, definitions and annotations go),
 * and `<textarea>`, `<xmp>`, `<plaintext>` become their text — or, when never closed (they then swallowed
 * the rest of the body as raw text), that text is parsed again as the markup it was meant to be. What is
 * released then goes through boilerplate removal, URL resolution and the schema like any other markup, so
 * nothing active survives; CSS and script source never become text.
 */
export function parseReadable(html: string): DefaultTreeAdapterMap['documentFragment'] {
  return parseLevel(html, 0);
}

function parseLevel(html: string, level: number): DefaultTreeAdapterMap['documentFragment'] {
  if (!OPENS_RELEASED.test(html)) return parseFragment(html, PARSE_OPTIONS);
  const fragment = parseFragment(html, { ...PARSE_OPTIONS, sourceCodeLocationInfo: OPENS_RAW_TEXT.test(html) });
  const shown = /<noscript[\s/>]/i.test(html) ? imageUrls(fragment) : new Set<string>();
  // HTML inside SVG/MathML (`<foreignObject><p>`, `<mi><div>`) follows no HTML nesting rule: once released
  // it may sit where HTML cannot (a <p> in a <p>). Parsed again from its own serialization, the tree is the
  // one a browser builds from our output, so nothing moves between sanitizing and reading.
  return unwrapReadable(fragment, level, shown) ? parseFragment(serialize(fragment), PARSE_OPTIONS) : fragment;
}

/**
 * Iterative: bodies can nest thousands of elements deep (see parse-body-html's MAX_DEPTH). Returns whether
 * HTML elements came out of foreign content.
 */
function unwrapReadable(root: P5Parent, level: number, shown: ReadonlySet<string>): boolean {
  let mixed = false;
  const parents: P5Parent[] = [root];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    const pending = [...(parent.childNodes as P5Node[])].reverse();
    const kept: P5Node[] = [];
    while (pending.length > 0) {
      const node = pending.pop()!;
      const released = release(node, level, shown);
      if (released !== undefined && isForeign(node)) mixed ||= released.some((c) => 'tagName' in c && !isForeign(c));
      if (released === undefined) {
        kept.push(node);
        if ('childNodes' in node) parents.push(node as P5Parent);
      } else {
        for (let i = released.length - 1; i >= 0; i--) pending.push(released[i]!);
      }
    }
    for (const node of kept) node.parentNode = parent as P5Element;
    parent.childNodes = kept as typeof parent.childNodes;
  }
  return mixed;
}

function isForeign(node: P5Node): boolean {
  return 'namespaceURI' in node && (node.namespaceURI === SVG || node.namespaceURI === MATHML);
}

/** What replaces `node` in its parent (re-examined in turn), or undefined to keep it as it is. */
function release(node: P5Node, level: number, shown: ReadonlySet<string>): P5Node[] | undefined {
  if (!('tagName' in node)) return undefined;
  const element = node as P5Element;
  if (isForeign(element)) {
    if (HIDDEN_FOREIGN.has(element.tagName.toLowerCase())) return [];
    // Separate labels (a chart's axis, an icon's caption) read as words, not one run: "1月 2月", not "1月2月".
    if (element.namespaceURI === SVG && element.tagName === 'text') return [...(element.childNodes as P5Node[]), textNode(' ')];
    const kids = (element.childNodes as P5Node[]).filter((c) => 'tagName' in c);
    const scripts = element.namespaceURI === MATHML ? SCRIPTS[element.tagName] : undefined;
    if (scripts === undefined || kids.length !== scripts.length + 1) return element.childNodes as P5Node[];
    return [kids[0]!, ...scripts.map((tag, i) => htmlElement(tag, [kids[i + 1]!]))];
  }
  if (element.tagName === 'noscript') return fallbackContent(element.childNodes as P5Node[], shown);
  if (!RAW_TEXT.has(element.tagName)) return undefined;
  const text = (element.childNodes as P5Node[]).map((c) => ('value' in c ? c.value : '')).join('');
  const closed = element.sourceCodeLocation?.endTag !== undefined;
  if (closed || level >= MAX_REPARSE || text === '') return text === '' ? [] : [textNode(text)];
  return parseLevel(text, level + 1).childNodes as P5Node[];
}

/** Text that spells out tags (`<a href=…>…</a>`, `<br />`): markup escaped by the feed, not prose. */
const ESCAPED_MARKUP = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/;

/**
 * What a `<noscript>` fallback adds for a reader. Text that spells out markup the feed escaped (WordPress
 * embeds: `&lt;a href=…&gt;`) would show source, and an image the body already shows (a lazy-loading
 * `<img data-src>` with its `<noscript><img src>` twin, a video poster repeating the lead image) would show
 * twice: both are dropped, the rest kept.
 */
function fallbackContent(nodes: P5Node[], shown: ReadonlySet<string>): P5Node[] {
  const keep = (node: P5Node): boolean => {
    if ('value' in node) return !ESCAPED_MARKUP.test(node.value);
    if (!('tagName' in node) || node.tagName !== 'img') return true;
    return !LAZY_SOURCES.some((name) => shown.has(attribute(node, name) ?? ''));
  };
  const stack = nodes.filter((n) => 'childNodes' in n) as P5Parent[];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.childNodes = (parent.childNodes as P5Node[]).filter(keep) as typeof parent.childNodes;
    for (const child of parent.childNodes as P5Node[]) if ('childNodes' in child) stack.push(child as P5Parent);
  }
  return nodes.filter(keep);
}

/** Where feeds put an image's URL (resolve-urls.ts promotes the lazy ones to `src`). */
const LAZY_SOURCES = ['src', 'data-src', 'data-original'];

/** URLs of the images outside `<noscript>`: what the body shows without its fallbacks. */
function imageUrls(root: P5Parent): Set<string> {
  const urls = new Set<string>();
  const stack: P5Parent[] = [root];
  while (stack.length > 0) {
    for (const child of stack.pop()!.childNodes as P5Node[]) {
      if (!('tagName' in child) || child.tagName === 'noscript') continue;
      if (child.tagName === 'img') {
        for (const name of LAZY_SOURCES) {
          const url = attribute(child, name);
          if (url) urls.add(url);
        }
      }
      stack.push(child as P5Parent);
    }
  }
  return urls;
}

function attribute(element: P5Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value.trim();
}

function htmlElement(tagName: string, childNodes: P5Node[]): P5Node {
  return { nodeName: tagName, tagName, attrs: [], namespaceURI: HTML, childNodes, parentNode: null } as unknown as P5Node;
}

function textNode(value: string): P5Node {
  return { nodeName: '#text', value, parentNode: null } as unknown as P5Node;
}
