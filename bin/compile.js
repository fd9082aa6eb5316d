#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ (git-ignored) so the published command runs plain
// JavaScript, with no loader hooks slowing every import: `npm run compile`, and on `npm install`
// through the prepare script. The sources stay the truth: bin/clippings.js recompiles (about 0.3 s)
// whenever dist/ is older than them (bin/sources-stamp.js), or runs them through tsx when it cannot.
//
// One output per module, same tree: src/cli/main.ts → dist/src/cli/main.js, layouts/x.11ty.ts →
// dist/layouts/x.11ty.js, .eleventy.ts → dist/.eleventy.js. Relative imports are rewritten from .ts
// to .js and stay imports, so each module is one instance shared by the CLI, the Eleventy config and
// the layouts (src/site/site-data.ts holds the model Eleventy renders). Packages stay imports too.
//
// `import.meta.url` in compiled code is the URL of the module's source (a banner computes it from the
// compiled file's own URL), so paths to data — content/, public/, the sources the parser version
// hashes, the templates digest — are the same as under tsx. The module URLs handed to import(), a
// Worker or Eleventy go through src/runtime/runnable-module.ts, which the banner's marker switches
// to dist/.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listSources, sourcesStamp, STAMP_FILE } from './sources-stamp.js';

const BANNER = `const __clippingsDist = import.meta.url.slice(0, import.meta.url.lastIndexOf('/dist/') + 6);
const __clippingsSourceUrl = new URL(import.meta.url.slice(__clippingsDist.length).replace(/\\.js$/, '.ts'), new URL('../', __clippingsDist)).href;
globalThis[Symbol.for('clippings.dist')] ??= __clippingsDist;`;

/** A lock older than this was left by a compile that died; compiling takes well under a second. */
const STALE_LOCK_MS = 60_000;

/**
 * Compiles root's sources into root/dist/ and returns true, or returns false without compiling when
 * another process holds the lock (it is compiling the same sources). Throws when esbuild fails.
 */
export async function compileDist(root) {
  const lock = path.join(root, 'dist.lock');
  if (!takeLock(lock)) return false;
  const staging = path.join(root, `dist.tmp-${process.pid}`);
  try {
    const stamp = sourcesStamp(root); // before compiling: an edit made meanwhile leaves dist/ stale, never wrongly fresh
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    const { build } = await import('esbuild');
    await build({
      absWorkingDir: root,
      entryPoints: listSources(root).map((rel) => path.join(root, rel)),
      outbase: root,
      outdir: staging,
      bundle: true, // only so the plugin sees every import; it marks all of them external
      format: 'esm',
      platform: 'node',
      target: 'node20',
      define: { 'import.meta.url': '__clippingsSourceUrl' },
      banner: { js: BANNER },
      logLevel: 'silent',
      plugins: [{ name: 'one-module-per-file', setup: externalizeImports }],
    });
    writeFileSync(path.join(staging, STAMP_FILE), stamp);
    swapInto(staging, path.join(root, 'dist'));
    return true;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

function takeLock(lock) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lock);
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < STALE_LOCK_MS) return false;
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return false;
}

/** Every import stays an import: relative `.ts` ones point at the compiled `.js`, packages as they are. */
function externalizeImports(pluginBuild) {
  pluginBuild.onResolve({ filter: /.*/ }, (args) => {
    if (args.kind === 'entry-point') return undefined;
    if (!args.path.startsWith('.')) return { path: args.path, external: true };
    if (!args.path.endsWith('.ts')) throw new Error(`${args.importer}: relative import "${args.path}" must name a .ts file`);
    return { path: args.path.replace(/\.ts$/, '.js'), external: true };
  });
}

/** Replaces dist/ by the freshly compiled folder; a run starting meanwhile finds no dist/ and uses tsx. */
function swapInto(fresh, target) {
  const old = `${target}.old-${process.pid}`;
  try {
    renameSync(target, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const started = performance.now();
  try {
    if (!(await compileDist(root))) throw new Error(`${path.join(root, 'dist.lock')} exists: another compile is running (remove it if none is)`);
  } catch (error) {
    console.error(`clippings compile: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (!process.argv.includes('--quiet')) console.log(`compiled into dist/ in ${Math.round(performance.now() - started)} ms`);
}
