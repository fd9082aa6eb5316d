/**
 * Eleventy wiring only: the `.11ty.ts` templates in layouts/, public/ copied to the site root, and
 * the site model as the global data `site`. The CLI provides the model (src/site/site-data.ts);
 * run by hand (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`) it builds
 * content/ with the default config.
 */
import { fileURLToPath } from 'node:url';
import { siteModel } from './src/site/site-data.ts';
import { loadDefaultSite } from './src/site/load-default-site.ts';
import { COMPILED_DIST } from './src/runtime/runnable-module.ts';
import type { SiteModel } from './src/site/site-model.ts';

/** The part of Eleventy's UserConfig this file uses. */
interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addGlobalData(name: string, data: () => unknown): void;
  setDataDeepMerge(deepMerge: boolean): void;
  setUseGitIgnore(enabled: boolean): void;
}

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

export default async function (eleventyConfig: EleventyConfig) {
  const provided = siteModel();
  const site: SiteModel = provided ?? (await loadDefaultSite(fileURLToPath(new URL('./content/', import.meta.url))));
  if (COMPILED_DIST === undefined) {
    eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
    eleventyConfig.setTemplateFormats(['11ty.ts']);
  } else {
    // Run compiled (bin/compile.js): the layouts are dist/layouts/*.11ty.js, which .gitignore lists.
    eleventyConfig.setTemplateFormats(['11ty.js']);
    eleventyConfig.setUseGitIgnore(false);
  }
  eleventyConfig.addPassthroughCopy({ [publicDir]: '/' });
  eleventyConfig.setDataDeepMerge(false);
  // No configureTemplateHandling({ writeMode: 'async' }): Eleventy 3.1 stores it on the user config but
  // Template.js reads it from the template config, where it never is, so every page is written with
  // writeFileSync whatever it says (node_modules/@11ty/eleventy/src/Template.js, 3.1.8).
  eleventyConfig.addGlobalData('site', () => site);
  // renderSite passes absolute input and output dirs, which returned ones would override.
  return provided ? {} : { dir: { input: 'layouts', output: '_site' } };
}
