type Growable = Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * A growable typed array's next size: a copy of `array` at least twice as long and at least
 * `minLength` (so appends cost amortized constant time), the new part filled with `fill`.
 */
export function grown<T extends Growable>(array: T, minLength = 0, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, minLength, 1));
  (bigger as { set(source: ArrayLike<number>): void }).set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
