/**
 * `{ ...source, ...fields }` without the keys in `omit`, copying accessors as accessors (and hidden
 * symbol-keyed properties with them): an article's offloaded body and text (offload-texts.ts) stay in the
 * store instead of being read into the copy, as a spread would. Keys keep the order a spread gives them.
 */
export function withFields<T extends object, F extends object>(source: T, fields: F, omit: readonly PropertyKey[] = []): Omit<T, keyof F> & F {
  const descriptors: Record<PropertyKey, PropertyDescriptor> = Object.getOwnPropertyDescriptors(source);
  for (const key of omit) delete descriptors[key];
  for (const [key, value] of Object.entries(fields)) descriptors[key] = { value, enumerable: true, writable: true, configurable: true };
  return Object.defineProperties({}, descriptors) as Omit<T, keyof F> & F;
}
