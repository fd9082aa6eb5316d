/**
 * withFields and the offloaded articles (src/archive/with-fields.ts, offload-texts.ts) copy properties
 * one by one instead of through Object.getOwnPropertyDescriptors/defineProperties (three times faster):
 * the copies must have the same properties, attributes and order as the descriptor copy gave, keep
 * offloaded bodies and texts in the store, and keep V8's fast layout.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { offloadTexts } from '../src/archive/offload-texts.ts';
import { withFields } from '../src/archive/with-fields.ts';
import { TextStore } from '../src/runtime/text-store.ts';
import { makeArticle } from './support/make-article.ts';

/** What withFields was: a spread that copies accessors as accessors. */
function reference(source: object, fields: object, omit: readonly PropertyKey[] = []): object {
  const descriptors: Record<PropertyKey, PropertyDescriptor> = Object.getOwnPropertyDescriptors(source);
  for (const key of omit) delete descriptors[key];
  for (const [key, value] of Object.entries(fields)) descriptors[key] = { value, enumerable: true, writable: true, configurable: true };
  return Object.defineProperties({}, descriptors);
}

function same(actual: object, expected: object, what: string): void {
  assert.deepEqual(Reflect.ownKeys(actual), Reflect.ownKeys(expected), `${what}: the same keys in the same order`);
  assert.deepEqual(Object.getOwnPropertyDescriptors(actual), Object.getOwnPropertyDescriptors(expected), `${what}: the same attributes, values and accessors`);
}

test('withFields copies an offloaded article as the descriptor copy did, reading no text', () => {
  const store = new TextStore(tmpdir());
  const article = makeArticle({ title: '标题', bodyHtml: '<p>正文</p>', section: { label: '国际', key: 'intl' } as never });
  const offloaded = offloadTexts({ article, problems: [] }, store).article!;
  const cases: [object, readonly PropertyKey[], string][] = [
    [{ title: '新标题', extra: 1 }, [], 'a field replaced in place, one added'],
    [{ section: { label: '中国' } }, ['section', 'topicText'], 'a field omitted and given again (placeTopics)'],
    [{}, ['summary'], 'a field omitted'],
  ];
  for (const [fields, omit, what] of cases) {
    const copy = withFields(offloaded, fields, omit);
    same(copy, reference(offloaded, fields, omit), what);
    assert.equal((copy as { bodyHtml: string }).bodyHtml, '<p>正文</p>', `${what}: the body still reads from the store`);
  }
});

test('an offloaded article and its captures have the fields of the parse, the texts behind getters, in the same order', () => {
  const store = new TextStore(tmpdir());
  const article = makeArticle({ title: '标题', bodyHtml: '<p>正文</p>' });
  const offloaded = offloadTexts({ article, problems: [] }, store).article!;
  assert.deepEqual(Object.keys(offloaded), Object.keys(article), 'the same enumerable keys, in order');
  for (const key of Object.keys(article)) {
    if (key === 'captures') continue;
    assert.deepEqual((offloaded as unknown as Record<string, unknown>)[key], (article as unknown as Record<string, unknown>)[key], key);
  }
  const body = Object.getOwnPropertyDescriptor(offloaded, 'bodyHtml')!;
  assert.equal(typeof body.get, 'function');
  assert.equal(body.enumerable, true);
  assert.equal(offloaded.captures[0]!.text, article.captures[0]!.text);
  assert.equal(Object.getOwnPropertyDescriptor(offloaded.captures[0]!, 'text')!.get, Object.getOwnPropertyDescriptor(offloaded, 'text')!.get, 'one getter shared by every object');
});

test('withFields keeps a __proto__ key of parsed JSON an own property, never the prototype', () => {
  const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
  const copy = withFields(parsed, { b: 2 }) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.equal(Object.hasOwn(copy, '__proto__'), true);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
