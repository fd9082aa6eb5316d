/** Startup cost: a clean build of a one-article archive, for Clippings and Hugo. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchHugo } from './bench-hugo.ts';
import { runBuild } from './clippings-command.ts';
import { generateSeed } from './generate-seeds.ts';
import { writeHugoSite } from './hugo-site.ts';
import { summarize, type Figure } from './summarize-runs.ts';

export interface OneArticleResult {
  readonly clippings?: Figure;
  readonly hugo?: Figure;
}

export async function benchOneArticle(root: string, runs: number, seed: number, what: { clippings: boolean; hugo: boolean }): Promise<OneArticleResult> {
  const dir = join(root, 'one');
  const seeds = join(dir, 'seeds');
  rmSync(dir, { recursive: true, force: true });
  const s = generateSeed(0, { seed }, true);
  mkdirSync(dirname(join(seeds, s.relPath)), { recursive: true });
  writeFileSync(join(seeds, s.relPath), s.text);

  let clippings: Figure | undefined;
  if (what.clippings) {
    const cwd = join(dir, 'clippings');
    const samples = [];
    for (let i = 0; i < runs; i++) {
      rmSync(cwd, { recursive: true, force: true });
      mkdirSync(cwd, { recursive: true });
      samples.push(await runBuild({ input: seeds, output: join(cwd, 'out'), cwd, full: true }));
    }
    clippings = summarize(samples);
  }
  let hugo: Figure | undefined;
  if (what.hugo) {
    const site = writeHugoSite(seeds, join(dir, 'hugo-site'));
    hugo = (await benchHugo(site.dir, runs)).full;
  }
  return { ...(clippings === undefined ? {} : { clippings }), ...(hugo === undefined ? {} : { hugo }) };
}
