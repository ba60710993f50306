import fc from 'fast-check';

/**
 * Request bodies directed by the OpenAPI document's JSON Schemas: values that follow the schema
 * (sizes up to its limits and one past them), values that break it in one place (a wrong type,
 * a missing required property, an unknown one), and open objects nested up to 50 levels.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  contentSchema?: JsonSchema;
}

/** Deepest nesting generated: deeper bodies are another piece of work's (they become a 4xx there). */
export const maxNestingDepth = 50;
/** Strings stop here even when the schema allows more (a BPMN document may be 4 MiB). */
const longestString = 5_000;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const wrongValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}), fc.constant(-1), fc.constant(''));

/** An object nested `depth` levels under one key path, open schemas' worst case. */
export const nestedValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 1, max: maxNestingDepth }), fc.constantFrom('a', '__proto__', 'constructor', '$where', 'x.y'), fc.boolean(), anyJson)
  .map(([depth, key, asList, leaf]) => {
    let value: unknown = leaf;
    for (let level = 0; level < depth; level++) value = asList ? [value] : { [key]: value };
    return JSON.parse(JSON.stringify(value));
  });

const dateTimes = fc.oneof(
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-02-30T08:00:00Z', '2026-13-01T00:00:00Z', 'not a date', '2026-02-12', '9999-12-31T23:59:59.999Z'),
);

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return dateTimes;
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 200, longestString);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, max + 1, Math.max(min - 1, 0)).map((length) => 'x'.repeat(length)) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '../../etc/passwd', '<script>', '{"$gt":""}', 'vn-national', 'an', '\u0000', 'ẞ'.repeat(10)) },
  );
}

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) current = components[current.$ref.replace('#/components/schemas/', '')] ?? {};
  return current;
}

/** A value following `schema` (mostly), with `depth` bounding the recursion. */
export function schemaValue(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, components);
  if (depth > 6) return anyJson;
  const next = (inner: JsonSchema) => schemaValue(inner, components, depth + 1);
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (resolved.allOf) return next(Object.assign({}, ...resolved.allOf.map((part) => resolve(part, components))));
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case 'string':
      return stringFor(resolved);
    case 'integer':
      return fc.integer({ min: resolved.minimum ?? -1_000_000, max: resolved.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: resolved.minimum ?? -1e9, max: resolved.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(resolved.items ? next(resolved.items) : anyJson, { minLength: resolved.minItems ?? 0, maxLength: Math.min(resolved.maxItems ?? 5, 5) });
    case 'object':
    case undefined: {
      const properties = resolved.properties ?? {};
      const required = new Set(resolved.required ?? []);
      const open = resolved.additionalProperties !== false && !resolved.properties;
      const known = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, next(inner)])),
        { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) },
      );
      if (!open) return known;
      // An open object (form data, variables): any keys, values nested up to the limit.
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(anyJson, nestedValue), { maxKeys: 4 }).map((extra) => JSON.parse(JSON.stringify(extra)));
    }
    default:
      return anyJson;
  }
}

/** A body for `schema`: usually following it, sometimes broken in one place or replaced wholesale. */
export function schemaBody(schema: JsonSchema, components: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  const valid = schemaValue(schema, components);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.string({ maxLength: 12 }), wrongValue, fc.boolean()).map(([body, key, value, replace]) => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return value;
        const keys = Object.keys(body);
        const target = replace && keys.length > 0 ? keys[key.length % keys.length]! : key;
        return JSON.parse(JSON.stringify({ ...body, [target]: value }));
      }),
    },
    { weight: 1, arbitrary: fc.tuple(valid).map(([body]) => (typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body).slice(1)) : body)) },
    { weight: 1, arbitrary: fc.oneof(anyJson, nestedValue) },
  );
}
