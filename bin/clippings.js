#!/usr/bin/env node
// The published command. It runs the compiled JavaScript in dist/ (bin/compile.js, run on
// `npm install` by the prepare script, or `npm run compile`): no loader hooks, so no import pays for
// a TypeScript compiler. When dist/ is missing or older than the sources (a file in src/ or layouts/
// edited, added or removed since), or CLIPPINGS_TSX=1, it runs the TypeScript sources through tsx
// instead, so nobody ever runs stale code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourcesStamp, STAMP_FILE } from './sources-stamp.js';

const root = fileURLToPath(new URL('../', import.meta.url));

if (process.env.CLIPPINGS_TSX !== '1' && compiledIsFresh()) {
  await import('../dist/src/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

function compiledIsFresh() {
  let stamp;
  try {
    stamp = readFileSync(new URL(`../dist/${STAMP_FILE}`, import.meta.url), 'utf8');
  } catch {
    return false;
  }
  return stamp === sourcesStamp(root);
}
