import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFields } from '../src/archive/with-fields.ts';

const hidden = Symbol('hidden');

function source() {
  const reads: string[] = [];
  const object = { id: 'a', title: 't', section: 's', topic: 'old' } as Record<PropertyKey, unknown>;
  Object.defineProperty(object, 'text', { get: () => (reads.push('text'), 'body'), enumerable: true, configurable: true });
  Object.defineProperty(object, hidden, { value: 7 });
  return { object, reads };
}

test('withFields gives the keys, values and order of a spread, without the omitted keys', () => {
  const { object } = source();
  const copy = withFields(object, { topic: 'new', extra: 1 }, ['section']);
  const spread: Record<string, unknown> = { ...object, topic: 'new', extra: 1 };
  delete spread.section;
  assert.deepEqual(Object.keys(copy), Object.keys(spread));
  assert.deepEqual({ ...copy }, spread);
});

test('withFields copies accessors as accessors and hidden symbols as they are', () => {
  const { object, reads } = source();
  const copy = withFields(object, { topic: 'new' }) as Record<PropertyKey, unknown>;
  assert.deepEqual(reads, [], 'the getter was not called while copying');
  assert.equal(copy.text, 'body');
  assert.deepEqual(reads, ['text']);
  assert.equal(copy[hidden], 7);
  assert.equal(Object.getOwnPropertyDescriptor(copy, hidden)?.enumerable, false);
});

test('withFields puts a given key that was omitted last, and keeps __proto__ an own property', () => {
  const { object } = source();
  const copy = withFields(object, { id: 'b' }, ['id']);
  assert.deepEqual(Object.keys(copy), ['title', 'section', 'topic', 'text', 'id']);
  const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
  const safe = withFields(parsed, { b: 2 }) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(safe), Object.prototype);
  assert.equal(Object.hasOwn(safe, '__proto__'), true);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
