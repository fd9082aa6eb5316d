/// <reference lib="dom" />
/**
 * The search page's script (`/search/`), bundled by esbuild into `search/search.js` at build time
 * (bundle-search-script.ts). It reads the form's `data-index` (the index folder, with the path
 * prefix), runs the query of `?q=` and of the form, and renders results as DOM nodes (no innerHTML):
 * title, outlet · topic · date, an excerpt with the query marked; sorted by relevance or date,
 * filtered by year, outlet and topic, PAGE_SIZE per page. The address keeps every choice.
 */
import { openSearchIndex, type FoundDoc, type SearchIndex, type SearchResults } from './open-search-index.ts';
import { excerpt } from './excerpt.ts';

const PAGE_SIZE = 10;
const $ = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const statusBox = $('search-status');
const list = $('search-results');
const pager = $('search-pager');
const controls = $('search-filters');
const selects = { sort: $<HTMLSelectElement>('search-sort'), year: $<HTMLSelectElement>('search-year'), outlet: $<HTMLSelectElement>('search-outlet'), topic: $<HTMLSelectElement>('search-topic') };

if (form && input && statusBox && list) {
  start(form, input, statusBox, list).catch((error: unknown) => {
    statusBox.textContent = `搜索索引无法加载（${error instanceof Error ? error.message : String(error)}）。可以改为按话题、媒体或日期浏览存档。`;
    statusBox.classList.add('search-error');
    const nojs = $('search-nojs');
    if (nojs) nojs.hidden = false;
  });
}

async function start(form: HTMLFormElement, input: HTMLInputElement, statusBox: HTMLElement, list: HTMLElement): Promise<void> {
  const nojs = $('search-nojs');
  if (nojs) nojs.hidden = true;
  const base = new URL(form.dataset.index || 'index/', document.baseURI);
  statusBox.textContent = '正在加载搜索索引…';
  const index = await openSearchIndex({
    bytes: async (path, version) => {
      const url = new URL(path, base);
      if (version !== undefined) url.search = `?v=${encodeURIComponent(version)}`;
      // index.json is asked again each time (a cheap 304 when unchanged): it names everything else.
      const response = await fetch(url, path === 'index.json' ? { cache: 'no-cache' } : {});
      if (!response.ok) throw new Error(`${response.status} ${url.pathname}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    gunzip: async (bytes) => new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()),
  });
  statusBox.textContent = '';
  if (controls) controls.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if (selects.sort) selects.sort.value = params.get('sort') === 'date' ? 'date' : 'relevance';
  const wanted = { year: params.get('year') ?? '', outlet: params.get('outlet') ?? '', topic: params.get('topic') ?? '' };
  let page = Math.max(1, Number(params.get('page')) || 1);

  let generation = 0;
  const run = async (): Promise<void> => {
    const mine = ++generation;
    const query = input.value.trim();
    const options = { sort: selects.sort?.value === 'date' ? ('date' as const) : ('relevance' as const), year: wanted.year, outlet: wanted.outlet, topic: wanted.topic };
    updateAddress(query, options, page);
    if (!query) {
      list.replaceChildren();
      pager?.replaceChildren();
      statusBox.textContent = '';
      return;
    }
    statusBox.textContent = '正在搜索…';
    const found = await index.search(query, options);
    if (mine !== generation) return;
    fillFilters(found);
    const pages = Math.max(1, Math.ceil(found.ids.length / PAGE_SIZE));
    page = Math.min(page, pages);
    const shown = await index.docs(found.ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
    if (mine !== generation) return;
    list.replaceChildren(...shown.map((d) => resultItem(d, found, index)));
    statusBox.textContent = found.ids.length === 0 ? `没有找到包含“${query}”的文章。` : `找到 ${found.ids.length} 篇包含“${query}”的文章${pages > 1 ? `，第 ${page}/${pages} 页` : ''}。`;
    renderPager(pages, (n) => {
      page = n;
      void run().then(() => list.querySelector('a')?.focus());
    });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    page = 1;
    void run();
  });
  // Search as you type, once typing pauses.
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      page = 1;
      void run();
    }, 300);
  });
  for (const key of ['sort', 'year', 'outlet', 'topic'] as const) {
    selects[key]?.addEventListener('change', () => {
      if (key !== 'sort') wanted[key] = selects[key]!.value;
      page = 1;
      void run();
    });
  }
  await run();

  function fillFilters(found: SearchResults): void {
    fill(selects.year, found.years, wanted.year, (a, b) => (a < b ? 1 : -1));
    fill(selects.outlet, found.outlets, wanted.outlet, (a, b) => a.localeCompare(b, 'zh-CN'));
    fill(selects.topic, found.topics, wanted.topic, (a, b) => a.localeCompare(b, 'zh-CN'));
  }
}

/** The options of a filter: "all", then each value with its count of matches; the chosen one kept even at 0. */
function fill(select: HTMLSelectElement | null, counts: ReadonlyMap<string, number>, chosen: string, order: (a: string, b: string) => number): void {
  if (!select) return;
  const all = select.options[0]!;
  const names = [...counts.keys()];
  if (chosen && !counts.has(chosen)) names.push(chosen);
  select.replaceChildren(all, ...names.sort(order).map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name}（${counts.get(name) ?? 0}）`;
    return option;
  }));
  select.value = chosen;
}

function resultItem(d: FoundDoc, found: SearchResults, index: SearchIndex): HTMLElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = d.url.startsWith('/') && !d.url.startsWith('//') ? d.url : '#';
  a.append(...marked(excerpt(d.title, found.parts, index.fold, Infinity)));
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [d.outlet, d.topic, d.date].filter(Boolean).join(' · ');
  const text = document.createElement('p');
  text.className = 'excerpt';
  text.append(...marked(excerpt(d.text, found.parts, index.fold, 60)));
  li.append(h, meta, text);
  return li;
}

function marked(pieces: readonly { text: string; mark: boolean }[]): Node[] {
  return pieces.map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const mark = document.createElement('mark');
    mark.textContent = p.text;
    return mark;
  });
}

function renderPager(pages: number, go: (page: number) => void): void {
  if (!pager) return;
  const current = Number(new URLSearchParams(location.search).get('page')) || 1;
  const buttons: HTMLElement[] = [];
  const button = (label: string, n: number, disabled: boolean): void => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener('click', () => go(n));
    buttons.push(b);
  };
  if (pages > 1) {
    button('上一页', current - 1, current <= 1);
    const where = document.createElement('span');
    where.textContent = `${current} / ${pages}`;
    buttons.push(where);
    button('下一页', current + 1, current >= pages);
  }
  pager.replaceChildren(...buttons);
}

function updateAddress(query: string, options: { sort: string; year: string; outlet: string; topic: string }, page: number): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (options.sort === 'date') params.set('sort', 'date');
  for (const key of ['year', 'outlet', 'topic'] as const) if (options[key]) params.set(key, options[key]);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}
