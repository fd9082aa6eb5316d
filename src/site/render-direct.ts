import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runnableModule } from '../runtime/runnable-module.ts';
import { onlyPages } from './only-pages.ts';
import type { RenderOptions } from './render-site.ts';
import type { SiteModel } from './site-model.ts';

const root = new URL('../../', import.meta.url);
const layoutsDir = fileURLToPath(runnableModule(new URL('layouts/', root)));
const publicDir = fileURLToPath(new URL('public/', root));

/** What a layout module exports: Eleventy front matter (`data`) and `render`, as `.eleventy.ts` has Eleventy read them. */
interface Layout {
  readonly data?: {
    readonly pagination?: { readonly data: string; readonly size: number; readonly alias: string };
    readonly permalink?: (data: Record<string, unknown>) => string | false;
  };
  render(data: Record<string, unknown>): string;
}

/**
 * Renders `site` into `outputDir` as renderSite (Eleventy) does, without Eleventy: for each template
 * of layouts/, one page per item of its pagination data (size 1, under its alias) or one page, written
 * to its permalink as `render` returns it, and public/ copied to the root. It does only what
 * `.eleventy.ts` asks of Eleventy (JavaScript templates, pagination of size 1 over global data, a
 * permalink function, one passthrough copy; no collections, layouts chains, transforms or filters),
 * which makes the output byte for byte Eleventy's (test/render-direct.test.ts renders every page kind
 * both ways). What it saves is Eleventy itself: ~0.25 s of imports (and a loader-hooks thread) and
 * ~0.1 s of setup per run, most of an incremental build's render phase when it renders a few dozen
 * pages. Returns the number of page models rendered (as renderSite counts them).
 */
export async function renderDirect(whole: SiteModel, outputDir: string, options: Pick<RenderOptions, 'only'> = {}): Promise<{ pagesWritten: number }> {
  const site = options.only ? onlyPages(whole, options.only) : whole;
  const write = (rel: string | false | undefined, text: string): void => {
    if (typeof rel !== 'string') return;
    const file = path.join(outputDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  for (const layout of await layouts()) {
    const data = layout.data ?? {};
    const permalink = data.permalink ?? (() => false);
    if (data.pagination === undefined) {
      const page = { site };
      write(permalink(page), layout.render(page));
      continue;
    }
    if (data.pagination.size !== 1 || !data.pagination.data.startsWith('site.')) throw new Error(`renderDirect: unsupported pagination ${JSON.stringify(data.pagination)}`);
    const items = data.pagination.data.slice('site.'.length).split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], site);
    for (const item of (items as readonly unknown[] | undefined) ?? []) {
      const page = { site, [data.pagination.alias]: item };
      write(permalink(page), layout.render(page));
    }
  }
  cpSync(publicDir, outputDir, { recursive: true });
  return { pagesWritten: site.pages.length };
}

let loaded: Promise<Layout[]> | undefined;

/** The templates Eleventy would find in layouts/ (`*.11ty.js` compiled, `*.11ty.ts` from the sources), loaded once. */
function layouts(): Promise<Layout[]> {
  loaded ??= Promise.all(
    readdirSync(layoutsDir)
      .filter((name) => /\.11ty\.(js|ts)$/.test(name))
      .sort()
      .map(async (name) => (await import(pathToFileURL(path.join(layoutsDir, name)).href)) as Layout),
  );
  return loaded;
}
