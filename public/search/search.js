// Search page script: loads the Pagefind bundles, one per period (WebAssembly, hence 'wasm-unsafe-eval' in this
// page's CSP) and renders results as DOM nodes. No innerHTML: Pagefind's excerpts are parsed with
// DOMParser (inert) and only their text and <mark> elements are copied.
import { cjkQuery } from './cjk-query.js';

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const outletSelect = document.getElementById('search-outlet');
const topicSelect = document.getElementById('search-topic');
const filtersBox = document.getElementById('search-filters');
const statusBox = document.getElementById('search-status');
const list = document.getElementById('search-results');
const nojs = document.getElementById('search-nojs');
const PAGE = 20;

if (form && input && list && statusBox) start().catch((error) => say(`搜索无法加载：${error instanceof Error ? error.message : String(error)}`));

async function start() {
  if (nojs) nojs.hidden = true;
  const bundle = new URL(form.dataset.bundle || 'pagefind/', document.baseURI);
  say('正在加载搜索索引…');
  const pagefind = await loadShards(bundle);
  const filters = await pagefind.filters();
  fillSelect(outletSelect, filters.outlet);
  fillSelect(topicSelect, filters.topic);
  if (filtersBox) filtersBox.hidden = false;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  if (outletSelect) outletSelect.value = params.get('outlet') || '';
  if (topicSelect) topicSelect.value = params.get('topic') || '';
  say('');

  let generation = 0;
  const run = async () => {
    const mine = ++generation;
    const query = input.value.trim();
    const chosen = {};
    if (outletSelect && outletSelect.value) chosen.outlet = outletSelect.value;
    if (topicSelect && topicSelect.value) chosen.topic = topicSelect.value;
    updateAddress(query);
    list.replaceChildren();
    if (!query) return say('');
    say('正在搜索…');
    const results = await searchShards(pagefind, cjkQuery(query), chosen);
    if (mine !== generation) return;
    if (results.length === 0) return say(`没有找到与“${query}”相关的文章。`);
    say(`找到 ${results.length} 篇与“${query}”相关的文章。`);
    await showMore(results, 0, () => mine === generation);
  };

  let timer;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  for (const select of [outletSelect, topicSelect]) select?.addEventListener('change', () => run());
  if (input.value.trim()) await run();
}

/**
 * The index is one Pagefind bundle per period (`pagefind/<key>/`, listed newest first in
 * `pagefind/shards.json`): the newest is the primary instance, the others are merged into it
 * (Pagefind's multisite API), so one search covers them all.
 */
async function loadShards(bundle) {
  const response = await fetch(new URL('shards.json', bundle));
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  const keys = (await response.json()).filter((k) => typeof k === 'string' && /^\d{4}(-\d{2})?$/.test(k));
  if (keys.length === 0) throw new Error('索引中没有文章');
  const shard = (key) => new URL(`${key}/`, bundle).pathname;
  const pagefind = await import(new URL(`${keys[0]}/pagefind.js`, bundle).href);
  // Result URLs in the index already carry the site's path prefix.
  const shown = { baseUrl: '/', excerptLength: 40 };
  await pagefind.options({ basePath: shard(keys[0]), ...shown });
  await pagefind.init();
  await Promise.all(keys.slice(1).map((key) => pagefind.mergeIndex(shard(key), shown)));
  return pagefind;
}

/**
 * Searches every shard, as if they were one index. A Pagefind index that lacks a word falls back to a
 * shorter prefix of it (朝鲜 → 朝 in 前朝); one index of the whole site did so only when no page had
 * the word, but a year's shard often lacks one. So when a Chinese term is a word somewhere (its exact
 * search `"朝鲜"`, which never falls back, finds pages), only those pages count for it; terms that
 * are no word anywhere (the bigrams of cjkQuery, 鲜半) are left to Pagefind as before.
 */
async function searchShards(pagefind, query, filters) {
  const search = await pagefind.search(query, { filters });
  const terms = query.split(/\s+/).filter((t) => /\p{Script=Han}/u.test(t));
  if (terms.length === 0 || search.results.length === 0) return search.results;
  const exact = await Promise.all(terms.map((t) => pagefind.search(`"${t}"`, { filters })));
  const found = exact.filter((e) => e.results.length > 0).map((e) => new Set(e.results.map((r) => r.id)));
  return search.results.filter((r) => found.every((ids) => ids.has(r.id)));
}

async function showMore(results, from, current) {
  const slice = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  if (!current()) return;
  for (const data of slice) list.append(resultItem(data));
  if (from + PAGE < results.length) {
    const li = document.createElement('li');
    li.className = 'search-more';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `显示更多（还有 ${results.length - from - PAGE} 篇）`;
    button.addEventListener('click', () => {
      li.remove();
      showMore(results, from + PAGE, current);
    });
    li.append(button);
    list.append(li);
  }
}

function resultItem(data) {
  const li = document.createElement('li');
  li.className = 'search-result';
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = safeHref(data.url);
  a.textContent = data.meta?.title || data.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  // The outlet is a filter, not meta: Pagefind indexes meta values as searchable text.
  meta.textContent = [data.filters?.outlet?.[0], data.filters?.topic?.[0], data.meta?.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(data.excerpt || ''));
  li.append(h, meta, excerpt);
  return li;
}

/** Text and <mark> only, whatever the excerpt string holds. */
function excerptNodes(markup) {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent || '');
  });
}

function safeHref(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '#';
}

function fillSelect(select, counts) {
  if (!select || !counts) return;
  const names = Object.keys(counts).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name}（${counts[name]}）`;
    select.append(option);
  }
}

function updateAddress(query) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (outletSelect && outletSelect.value) params.set('outlet', outletSelect.value);
  if (topicSelect && topicSelect.value) params.set('topic', topicSelect.value);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function say(text) {
  statusBox.textContent = text;
}
