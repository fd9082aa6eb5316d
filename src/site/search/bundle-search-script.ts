import { build } from 'esbuild';

/** Source of the search page's script; the module graph it pulls in is small and imports no package. */
const ENTRY = new URL('./client/search-page.ts', import.meta.url);

/**
 * The search page's script as one minified ES module (esbuild, ~0.1 s): client/search-page.ts, the
 * index reader and the shared term rules of src/text/search-terms.ts, so the browser cuts queries
 * exactly as the build cut the text. Same sources, same bytes.
 */
export async function bundleSearchScript(): Promise<string> {
  const result = await build({
    entryPoints: [decodeURIComponent(ENTRY.pathname)],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
