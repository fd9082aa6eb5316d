#!/usr/bin/env node
// The published command. It runs the JavaScript compiled into dist/ by bin/compile.js (on
// `npm install` through the prepare script): no loader hooks, so no import pays for a TypeScript
// compiler. When a file in src/ or layouts/ was edited, added or removed since, it recompiles first
// (~0.3 s), so nobody runs stale code. It runs the TypeScript sources through tsx instead when it
// cannot compile (another process is compiling, esbuild reports an error — tsx then reports it
// where it is) or when CLIPPINGS_TSX=1.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourcesStamp, STAMP_FILE } from './sources-stamp.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const ranCompiled = process.env.CLIPPINGS_TSX !== '1' && (await compiledIsReady()) && (await runCompiled());
if (!ranCompiled) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

async function compiledIsReady() {
  if (readStamp() === sourcesStamp(root)) return true;
  try {
    const { compileDist } = await import('./compile.js');
    return await compileDist(root);
  } catch (error) {
    if (process.env.CLIPPINGS_DEBUG) console.error(`clippings: compiling dist/ failed, running the sources through tsx\n  ${error}`);
    return false;
  }
}

/** Runs the compiled CLI; false when dist/ vanished before it started (a concurrent recompile swapping it). */
async function runCompiled() {
  try {
    await import('../dist/src/cli/main.js');
    return true;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`${root}dist/`)) return false;
    throw error;
  }
}

function readStamp() {
  try {
    return readFileSync(new URL(`../dist/${STAMP_FILE}`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
