import { grown } from '../runtime/grown.ts';
import { TextStore } from '../runtime/text-store.ts';
import type { PageLists, PageModel, PublishModel, Shell, SiteModel } from './site-model.ts';

type Kind = keyof PageLists;

/**
 * The page models of a site kept as their JSON in a `TextStore` (a file), not in the heap, between
 * the digest phase, which serializes every page anyway, and rendering, which needs a batch of them at
 * a time (a full build) or the few that changed (an incremental one). Held in the heap they were the
 * largest part of a build's peak while rendering (~5 KB a page: 700 MB at 100,000 articles).
 * A page model is JSON by design (its JSON is its digest), so what comes back renders the same.
 *
 *     const shelf = new PageShelf(cacheDir, site);
 *     for (const [kind, list] of Object.entries(site.lists)) for (const p of list) shelf.add(kind, p.path, JSON.stringify(p));
 *     await renderSite(shelf.site(batch), out, { only: batch });
 */
export class PageShelf {
  readonly #store: TextStore;
  readonly #kinds: readonly Kind[];
  /** Page i's kind (index into #kinds); its id in the store is i. */
  #kindOf: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  readonly #paths: string[] = [];
  readonly #shell: Shell;
  readonly #publish: PublishModel;

  /** An empty shelf for the pages of `site` (its shell, feeds and sitemaps are kept as they are; its pages are not). */
  constructor(dir: string, site: Pick<SiteModel, 'shell' | 'lists' | 'publish'>) {
    this.#store = new TextStore(dir, 2); // read in the order written, a batch at a time
    this.#kinds = Object.keys(site.lists) as Kind[];
    this.#shell = site.shell;
    this.#publish = site.publish;
  }

  /** Every page's output path, in the order they were added (the site model's). */
  get paths(): readonly string[] {
    return this.#paths;
  }

  /** The length of page i's JSON (`paths[i]`), without reading it: what rendering it roughly costs. */
  jsonLength(i: number): number {
    return this.#store.length(i);
  }

  get size(): number {
    return this.#paths.length;
  }

  add(kind: Kind, path: string, json: string): void {
    const k = this.#kinds.indexOf(kind);
    if (k < 0) throw new Error(`PageShelf: no list of kind ${kind}`);
    const i = this.#paths.length;
    if (this.#store.put(json) !== i) throw new Error('PageShelf: the store is shared');
    if (i === this.#kindOf.length) this.#kindOf = grown(this.#kindOf);
    this.#kindOf[i] = k;
    this.#paths.push(path);
  }

  /** A site model with the pages whose paths are in `only` (read back in the order they were added), all its feeds and sitemaps. */
  site(only: ReadonlySet<string>): SiteModel {
    return PageShelf.siteOf(this.#shell, this.#publish, this.shelved(only));
  }

  /**
   * The JSON of the pages whose paths are in `only`, in the order they were added, unparsed: what a render
   * worker (src/site/render-thread.ts) is sent, to parse on its own thread.
   */
  shelved(only: ReadonlySet<string>): ShelvedPages {
    const kindOf: number[] = [];
    const json: string[] = [];
    this.#paths.forEach((path, i) => {
      if (!only.has(path)) return;
      json.push(this.#store.get(i));
      kindOf.push(this.#kindOf[i]!);
    });
    return { kinds: this.#kinds, kindOf, json };
  }

  get shell(): Shell {
    return this.#shell;
  }

  /** The site model of shelved pages, with this shell and these feeds and sitemaps. */
  static siteOf(shell: Shell, publish: PublishModel, shelved: ShelvedPages): SiteModel {
    const lists = Object.fromEntries(shelved.kinds.map((k) => [k, [] as PageModel[]])) as Record<Kind, PageModel[]>;
    const pages = shelved.json.map((json, i) => {
      const page = JSON.parse(json) as PageModel;
      lists[shelved.kinds[shelved.kindOf[i]!]!].push(page);
      return page;
    });
    return { shell, pages, lists: lists as unknown as PageLists, publish };
  }
}

/** Pages read back from a shelf as JSON (`PageShelf.shelved`), with each one's kind. */
export interface ShelvedPages {
  /** Every list of the site model, in its order. */
  readonly kinds: readonly (keyof PageLists)[];
  /** Page i's kind, as an index into `kinds`. */
  readonly kindOf: readonly number[];
  /** Page i's model as JSON. */
  readonly json: readonly string[];
}
