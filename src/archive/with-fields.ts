/**
 * `{ ...source, ...fields }` without the keys in `omit`, copying accessors as accessors (and hidden
 * symbol-keyed properties with them): an article's offloaded body and text (offload-texts.ts) stay in the
 * store instead of being read into the copy, as a spread would. Keys keep the order a spread gives them.
 * Plain data properties are assigned, not defined: building a descriptor for every key and calling
 * Object.defineProperties took 4 times as long (~11 µs an article, placing 10,000 articles' topics).
 */
export function withFields<T extends object, F extends object>(source: T, fields: F, omit: readonly PropertyKey[] = []): Omit<T, keyof F> & F {
  const copy: Record<PropertyKey, unknown> = {};
  const given = fields as Record<string, unknown>;
  for (const key of Reflect.ownKeys(source)) {
    if (omit.includes(key)) continue; // an omitted key that is also given goes last, as it would after a delete
    if (typeof key === 'string' && Object.hasOwn(given, key)) {
      define(copy, key, given[key]);
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(source, key)!;
    if (descriptor.writable === true && descriptor.enumerable === true && descriptor.configurable === true && key !== '__proto__') copy[key] = descriptor.value;
    else Object.defineProperty(copy, key, descriptor);
  }
  for (const key of Object.keys(given)) if (!Object.hasOwn(copy, key)) define(copy, key, given[key]);
  return copy as Omit<T, keyof F> & F;
}

/** An own data property, even for `__proto__` (which an assignment would take as the prototype). */
function define(copy: Record<PropertyKey, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  else copy[key] = value;
}
