import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { outageRetryAfterSeconds } from '../http/dependency-outage.js';
import { problemSchema } from '../http/problem.js';
import type { RouteDefinition } from '../http/route.js';

type JsonSchema = Record<string, unknown>;

/** Express `:name` segments as OpenAPI `{name}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Problems any route may answer besides its own, enforced for all routes alike (api/http/route.ts,
 * api/http/problem.ts): a JSON body that is malformed or nests too deep, and a dependency down.
 */
function sharedProblems(route: RouteDefinition, problem: JsonSchema): Record<string, unknown> {
  const content = { 'application/problem+json': { schema: problem } };
  return {
    ...(route.body || route.multipart ? { 400: { description: 'Bad request: malformed JSON (`malformed-json`), or JSON nesting deeper than the API accepts (`json-too-deep`)', content } } : {}),
    503: {
      description: 'Unavailable: the store (`store-unavailable`) or Temporal (`temporal-unavailable`) does not answer; retry after Retry-After seconds',
      headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', examples: [outageRetryAfterSeconds] } } },
      content,
    },
  };
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (zod's
 * JSON Schema, draft 2020-12, which OpenAPI 3.1 uses). Schemas with a meta `id` become components.
 */
export function openApiDocument(routes: readonly RouteDefinition[], info: { title: string; version: string; description: string }) {
  const components: Record<string, JsonSchema> = {};
  const addComponent = (name: string, definition: JsonSchema) => {
    const known = components[name];
    if (known && !isDeepStrictEqual(known, definition)) throw new Error(`two different schemas are named ${name}: give them distinct ids`);
    components[name] = definition;
  };
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    // Schemas with an id land in $defs (a schema with an id is itself only a $ref to its entry there).
    const { $defs = {}, $schema: _schema, ...root } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map(Object.keys($defs).map((id) => [id, id]));
    const withComponentRefs = (value: unknown): JsonSchema =>
      JSON.parse(JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_ref, id: string) => `"#/components/schemas/${names.get(id)}"`)) as JsonSchema;
    // A request schema that reads differently from the answer of the same id (zod strips unknown keys
    // of a request, and refuses them in an answer) is a component of its own, `<id>Input`; renaming one
    // changes the schemas that refer to it, hence the loop.
    for (let renamed = io === 'input'; renamed; ) {
      renamed = false;
      for (const [id, definition] of Object.entries($defs)) {
        const known = components[id];
        if (names.get(id) === id && known && !isDeepStrictEqual(known, withComponentRefs(definition))) {
          names.set(id, `${id}Input`);
          renamed = true;
        }
      }
    }
    for (const [id, definition] of Object.entries($defs)) addComponent(names.get(id)!, withComponentRefs(definition));
    return withComponentRefs(root);
  };
  const parametersOf = (schema: z.ZodType | undefined, location: 'path' | 'query') => {
    if (!schema) return [];
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: location, required: location === 'path' || (json.required ?? []).includes(name), schema: property }));
  };

  // Answers claim the components' plain names; requests that read differently get their own.
  for (const route of routes) for (const response of Object.values(route.responses)) if (response.schema) toSchema(response.schema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${openApiPath(route.path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      ...(Array.isArray(route.access) ? { 'x-roles': route.access } : {}),
      parameters: [
        ...parametersOf(route.params, 'path'),
        ...parametersOf(route.query, 'query'),
        ...(route.headers ?? []).map((header) => ({ name: header.name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } })),
      ],
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => {
            const contentType = response.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
            const content = response.schema ? { [contentType]: { schema: toSchema(response.schema, 'output') } } : response.contentType ? { [contentType]: {} } : undefined;
            return [status, { description: response.description, ...(content ? { content } : {}) }];
          }),
        ),
        ...sharedProblems(route, toSchema(problemSchema, 'output')),
      },
    };
    if (route.multipart && route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['data'],
              properties: {
                data: { type: 'string', contentMediaType: 'application/json', contentSchema: toSchema(route.body, 'input'), description: 'the request as JSON' },
                [route.multipart.files]: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: route.multipart.description },
              },
            },
          },
        },
      };
    } else if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
    }
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
