/**
 * Where to load a TypeScript module from at run time, for the few places that hand a module URL to
 * `import()`, a Worker or Eleventy (the parser, the parse worker, the Eleventy config and layouts).
 *
 * Run through tsx (tests, `npx tsx …`) that is the source itself. Run compiled (bin/clippings.js
 * loads dist/, written by bin/compile.js), it is the compiled copy: `<root>/src/x.ts` →
 * `<root>/dist/src/x.js`, a folder `<root>/layouts/` → `<root>/dist/layouts/`. Compiled code keeps
 * seeing its source's URL as `import.meta.url`, so data paths (content/, public/, the parser's source
 * hash, the templates digest) are the same in both modes; only module URLs go through here.
 */
const DIST_KEY = Symbol.for('clippings.dist');
/** What bin/compile.js compiles, relative to the project root. */
const COMPILED = ['src/', 'layouts/', '.eleventy.ts'];

/** The URL of dist/ when this code runs compiled (set by the banner bin/compile.js adds), else undefined. */
export const COMPILED_DIST: string | undefined = (globalThis as { [DIST_KEY]?: string })[DIST_KEY];

export function runnableModule(sourceUrl: string | URL): URL {
  const url = new URL(sourceUrl);
  if (COMPILED_DIST === undefined) return url;
  const root = new URL('../', COMPILED_DIST).href;
  const rel = url.href.startsWith(root) ? url.href.slice(root.length) : '';
  if (!COMPILED.some((prefix) => rel.startsWith(prefix))) return url; // not compiled: a test's module, say
  return new URL(rel.replace(/\.ts$/, '.js'), COMPILED_DIST);
}
