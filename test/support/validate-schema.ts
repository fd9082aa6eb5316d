/** A small JSON Schema checker for the keywords docs/export-schema.json uses (shared by the export tests). */
export type Schema = {
  type?: string | string[];
  const?: unknown;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  oneOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
};

/** Checks the JSON Schema keywords docs/export-schema.json uses (and fails on any other). */
export function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  const known = new Set(['$schema', '$id', 'title', 'description', 'format', 'type', 'const', 'required', 'properties',
    'additionalProperties', 'items', 'minItems', 'pattern', 'minLength', 'minimum', 'oneOf', '$ref', '$defs']);
  for (const key of Object.keys(schema)) if (!known.has(key)) return [`${path}: validator does not know "${key}"`];
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = root.$defs?.[name];
    return target ? validate(value, target, root, path) : [`${path}: unknown $ref ${schema.$ref}`];
  }
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((option) => validate(value, option, root, path).length === 0).length;
    return matches === 1 ? [] : [`${path}: matches ${matches} of oneOf`];
  }
  if ('const' in schema && value !== schema.const) return [`${path}: expected ${JSON.stringify(schema.const)}`];
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const allowed = schema.type === undefined ? undefined : [schema.type].flat();
  if (allowed && !allowed.includes(type) && !(type === 'integer' && allowed.includes('number'))) {
    return [`${path}: expected ${allowed.join('|')}, got ${type}`];
  }
  const errors: string[] = [];
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) errors.push(`${path}: too short`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(child, sub, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${key}`);
    }
  }
  return errors;
}

