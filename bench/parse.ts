/**
 * `node --import tsx bench/parse.ts [--runs N] [--no-corpus] [--no-stress]`
 *
 * CPU time of parseArticle, in process, single-threaded: every file of ../shared/corpus/real N times
 * (total CPU per run; per-file median and p99 of each file's median over the runs), then three
 * pathological bodies generated in memory (a 5 MB body of mixed paragraphs/images/links, 200,000 `<p>`
 * paragraphs, 10,000 nested divs), each N times (median). CPU time (`process.cpuUsage()`, user + system)
 * rather than wall time, because the machine is shared. A short digest of each result is printed so a
 * change that alters the output shows up. Profile with:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/parse.ts
 *   node --import tsx bench/summarize-profile.ts /tmp/prof
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/article/parse-article.ts';
import type { ParseOptions } from '../src/article/article.ts';

const OPTIONS: ParseOptions = { timeZone: 'Asia/Shanghai', outlets: [] };
const ROOT = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

function benchCorpus(): void {
  const files = readdirSync(ROOT).sort().flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`).sort().map((name) => ({ path: `../shared/corpus/real/${dir}/${name}`, bytes: readFileSync(`${ROOT}${dir}/${name}`) })));
  const perFile: number[][] = files.map(() => []);
  const totals: number[] = [];
  const hash = createHash('sha256');
  for (let run = 0; run < runs; run++) {
    const start = cpuMs();
    files.forEach((f, i) => {
      const t = cpuMs();
      const result = parseArticle(f.bytes, f.path, OPTIONS);
      perFile[i]!.push(cpuMs() - t);
      if (run === 0) hash.update(JSON.stringify(result));
    });
    totals.push(cpuMs() - start);
  }
  const medians = perFile.map(median).sort((a, b) => a - b);
  console.log(`real corpus: ${files.length} files × ${runs} runs, output digest ${hash.digest('hex').slice(0, 12)}`);
  console.log(`  total CPU per run: ${totals.map((t) => `${t.toFixed(0)} ms`).join(', ')} (median ${median(totals).toFixed(0)} ms)`);
  console.log(`  per file (median over runs): median ${quantile(medians, 0.5).toFixed(3)} ms, p90 ${quantile(medians, 0.9).toFixed(2)} ms, p99 ${quantile(medians, 0.99).toFixed(2)} ms, max ${(medians.at(-1) ?? 0).toFixed(1)} ms`);
}

function seed(body: string): Uint8Array {
  return new TextEncoder().encode(`<!--1693421125000-->\n[压力测试标题](https://www.rfi.fr/cn/国际/20230830-stress)\n------\n\n${body}`);
}

/** About `bytes` of mixed paragraphs with links, images, bold text and a share bar now and then. */
function mixedBody(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let part: string;
    switch (i % 5) {
      case 0: part = `<p>第${i}段：美国国务院发言人周三在新闻发布会上说，双方将继续推进高层会谈，<a href="/cn/link-${i}">详细报道</a>。</p>`; break;
      case 1: part = `<div><img src="//s.rfi.fr/media/${i}.jpg" alt="图片 ${i}" width="640" height="360"><div><small>图片说明 ${i}</small></div></div>`; break;
      case 2: part = `<p>Paragraph ${i} with <strong>bold</strong> and <em>emphasis</em> and a <a href="https://example.com/${i}?utm_source=x">link</a>.</p>`; break;
      case 3: part = `<blockquote><p>引述 ${i}：${'经济增长明显放缓，'.repeat(8)}</p></blockquote>`; break;
      default: part = `<ul><li>要点 ${i}</li><li><a href="mailto:a${i}@example.com">写信</a></li></ul>`;
    }
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('\n');
}

function benchStress(name: string, bytes: Uint8Array): void {
  const times: number[] = [];
  let result: ReturnType<typeof parseArticle> | undefined;
  for (let run = 0; run < runs; run++) {
    const t = cpuMs();
    result = parseArticle(bytes, `stress/${name}.md`, OPTIONS);
    times.push(cpuMs() - t);
  }
  const a = result?.article;
  console.log(`${name} (${(bytes.length / 1e6).toFixed(1)} MB): median ${median(times).toFixed(0)} ms CPU [${times.map((t) => t.toFixed(0)).join(', ')}]` +
    `, ${a ? `${a.bodyHtml.length} chars of HTML` : 'rejected'}, digest ${digest(result)}`);
}

if (!args.includes('--no-corpus')) benchCorpus();
if (!args.includes('--no-stress')) {
  benchStress('5 MB mixed body', seed(mixedBody(5_000_000)));
  benchStress('200,000 paragraphs', seed(Array.from({ length: 200_000 }, (_, i) => `<p>第${i}段新闻文字。</p>`).join('\n')));
  benchStress('10,000 nested divs', seed(`${'<div>'.repeat(10_000)}深层文字${'</div>'.repeat(10_000)}`));
}
