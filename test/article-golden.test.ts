import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { parseArticle } from '../src/article/parse-article.ts';

const SEED = 'content/000_08cb497c288dbfaf.txt';
const JSON_GOLDEN = 'test/fixtures/article/seed.expected.json';
const HTML_GOLDEN = 'test/fixtures/article/seed.expected.html';
const bytes = readFileSync(SEED);
const shanghai = parseArticle(bytes, SEED, { timeZone: 'Asia/Shanghai', outlets: [] });
const article = shanghai.article!;

test('the original seed matches its golden files (regenerate with UPDATE=1)', () => {
  const { bodyHtml, captures: _captures, ...fields } = article;
  const json = `${JSON.stringify(fields, null, 2)}\n`;
  if (process.env['UPDATE'] === '1' || !existsSync(JSON_GOLDEN)) {
    writeFileSync(JSON_GOLDEN, json);
    writeFileSync(HTML_GOLDEN, `${bodyHtml}\n`);
  }
  assert.equal(json, readFileSync(JSON_GOLDEN, 'utf8'));
  assert.equal(`${bodyHtml}\n`, readFileSync(HTML_GOLDEN, 'utf8'));
});

test('the seed reads as a reader expects', () => {
  assert.deepEqual(shanghai.problems, []);
  assert.equal(article.title, '白宫：俄罗斯和朝鲜正积极推进达成武器协议的谈判');
  assert.deepEqual(article.outlet, { key: 'rfi', name: '法广 RFI' });
  assert.deepEqual(article.section, { key: '国际', label: '国际' });
  assert.equal(article.dateline, '30/08/2023 - 20:34');
  assert.equal(article.hero?.src, 'https://s.rfi.fr/media/display/774346b2-2c8a-11ee-ac41-005056bf30b7/w:1280/p:16x9/AP23208070564906.jpg');
  assert.match(article.lead, /^拜登政府周三披露/);
  assert.ok(article.summary.length <= 160);
  assert.equal(article.slug, article.id);
  assert.match(article.id, /^[0-9a-f]{16}$/);
  assert.equal(article.captures.length, 1);
  assert.equal(article.readingMinutes, 3);
});

test('day keys follow the configured zone: 2023-08-31 in Shanghai, 2023-08-30 in UTC', () => {
  assert.deepEqual(article.keys, { year: '2023', month: '2023-08', day: '2023-08-31' });
  const utc = parseArticle(bytes, SEED, { timeZone: 'UTC', outlets: [] }).article!;
  assert.deepEqual(utc.keys, { year: '2023', month: '2023-08', day: '2023-08-30' });
});

test('the body has no share bar, promos, scripts, dateline or duplicated hero', () => {
  const tree = fromHtml(article.bodyHtml, { fragment: true });
  assert.doesNotMatch(article.bodyHtml, /分享 :|facebook|whatsapp|twitter|share-button|share-modal|selfpromo|<script/i);
  assert.doesNotMatch(article.text, /30\/08\/2023/);
  assert.equal(selectAll('img', tree).length, 0, 'the hero is taken out of the body');
  assert.equal(selectAll('p', tree).length, 12);
  assert.doesNotMatch(article.bodyHtml, /\s(?:style|class|id|data-[a-z-]+|v-on:[a-z]+)=/);
});
