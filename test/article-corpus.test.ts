import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findOutlet } from '../src/article/find-outlet.ts';
import { parseArticle } from '../src/article/parse-article.ts';
import { formatProblem } from '../src/seed/seed-problem.ts';

const ROOT = '../shared/corpus/real';

test('every file of the real corpus parses without a crash; ≥ 95% accepted, rejections actionable', () => {
  const times: number[] = [];
  const rejected: string[] = [];
  const outlets = new Set<string>();
  let accepted = 0;
  for (const dir of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(`${ROOT}/${dir}`).sort()) {
      const path = `${ROOT}/${dir}/${name}`;
      const bytes = readFileSync(path);
      const start = performance.now();
      const r = parseArticle(bytes, path, { timeZone: 'Asia/Shanghai', outlets: [] });
      times.push(performance.now() - start);
      const errors = r.problems.filter((p) => p.severity === 'error');
      assert.ok(!errors.some((p) => p.message.startsWith('internal error')), `crash on ${path}: ${errors.map(formatProblem).join('; ')}`);
      if (r.article) {
        accepted++;
        outlets.add(r.article.outlet.key);
        assert.ok(findOutlet(r.article.canonicalUrl).known, `unknown outlet host in ${path}`);
        assert.equal(r.article.outlet.key, dir, `${path} should belong to ${dir}`);
        assert.doesNotMatch(r.article.bodyHtml, /<script|<iframe|<style|\son[a-z]+=|javascript:|获取更多RSS|data-selfpromo/i, path);
      } else {
        assert.ok(errors.length > 0);
        for (const e of errors) {
          assert.match(formatProblem(e), /^\.\.\/shared\/corpus\/real\/.+:\d+: .+; .+/, 'says what happened and what to do');
          rejected.push(formatProblem(e));
        }
      }
    }
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const pct = (q: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(2);
  console.log(`real corpus: ${times.length} files, ${accepted} accepted, ${rejected.length} rejected`);
  for (const line of rejected) console.log(`  rejected ${line}`);
  console.log(`parse time: total ${(total / 1000).toFixed(1)} s, median ${pct(0.5)} ms, p99 ${pct(0.99)} ms per file`);
  assert.equal(outlets.size, 18, 'all 18 outlets of the corpus are recognized');
  assert.ok(accepted / times.length >= 0.95, `${accepted}/${times.length} accepted`);
});
