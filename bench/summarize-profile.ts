/**
 * `node --import tsx bench/summarize-profile.ts <dir-or-.cpuprofile>…`
 *
 * Summarizes V8 CPU profiles (from `node --cpu-prof`; worker threads write their own files): self
 * time by area (seed/article parsing, HTML libraries, archive, Eleventy, templates, file writes,
 * tsx compilation, GC…), by package or source file, and the top functions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

const AREAS: readonly (readonly [string, RegExp])[] = [
  ['seed split (src/seed)', /\/src\/seed\//],
  ['article parse/sanitize (src/article)', /\/src\/article\//],
  ['HTML libraries (hast/rehype/parse5/unified)', /node_modules\/(hast-|rehype-|parse5|unified|unist-|property-information|html-|character-|comma-|space-|zwitch|web-namespaces|vfile|devlop|stringify-entities|decode-named)/],
  ['archive (src/archive)', /\/src\/archive\//],
  ['site model (src/site)', /\/src\/site\//],
  ['templates (layouts)', /\/layouts\//],
  ['cli (src/cli)', /\/src\/cli\//],
  ['Eleventy', /node_modules\/(@11ty|liquidjs|nunjucks|markdown-it|gray-matter|js-yaml|fast-glob|micromatch|picomatch|chokidar|debug|dependency-graph|minimatch|posthtml|kleur|iso-639|filesize|slugify|bcp-47|@sindresorhus|evaluate-value|graceful-fs|semver|lodash)/],
  ['date-fns', /node_modules\/(date-fns|@date-fns)/],
  ['feed/xml', /node_modules\/(feed|xml-js|fast-xml)/],
  ['tsx/esbuild (compiling TypeScript)', /node_modules\/(tsx|esbuild|get-tsconfig)/],
  ['other node_modules', /node_modules\//],
  ['node:fs (reads/writes)', /^node:(internal\/)?fs/],
  ['node:worker/stream/other internals', /^node:/],
];

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: node --import tsx bench/summarize-profile.ts <dir-or-file.cpuprofile>…');
  process.exit(2);
}
const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(p, f)) : [p]));

const byArea = new Map<string, number>();
const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let fileTotal = 0;
  const fileAreas = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id);
    if (frame === undefined) return;
    fileTotal += us;
    add(byArea, areaOf(frame), us);
    add(fileAreas, areaOf(frame), us);
    add(byFile, fileOf(frame), us);
    add(byFunction, `${frame.functionName || '(anonymous)'}  ${fileOf(frame)}:${frame.lineNumber + 1}`, us);
  });
  total += fileTotal;
  const busy = fileTotal - (fileAreas.get('(idle)') ?? 0);
  const top = [...fileAreas].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`${basename(file)}: busy ${(busy / 1000).toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms wall`);
  for (const [k, us] of top) console.log(`    ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
print('Self time by area (all threads)', byArea, 20);
print('Self time by package / source file', byFile, 25);
print('Top functions by self time', byFunction, 30);

function areaOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native/builtin)';
  for (const [name, pattern] of AREAS) if (pattern.test(frame.url)) return name;
  return 'other';
}

function fileOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (nm !== null) return nm[1] as string;
  const src = /\/((?:src|layouts|bench|bin)\/.*)$/.exec(frame.url);
  return src?.[1] ?? frame.url.replace(/^file:\/\//, '');
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function print(title: string, map: Map<string, number>, limit: number): void {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}
