import type { Payload } from '@temporalio/common';
import { z } from 'zod';
import type { SystemRole } from '../../store/identity/user-model.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';

/** Where the Temporal Web UI is pointed (`--ui-codec-endpoint`); it appends `/decode` and `/encode`. */
export const codecEndpointPath = '/api/temporal-codec';

/**
 * Who may read dossiers' payloads in the Temporal Web UI: the agency's operators and supervisors.
 * Reformers and auditors see workflows without their contents; officers work from the worklist.
 */
export const codecRoles: readonly SystemRole[] = ['agency-admin', 'supervisor'];

const base64 = z.string().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** A payload as Temporal's remote codec protocol carries it: metadata values and data in base64. */
const wirePayloadSchema = z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }).meta({ id: 'CodecPayload' });
const codecBodySchema = z.object({ payloads: z.array(wirePayloadSchema).max(1000) }).meta({ id: 'CodecPayloads' });

type WirePayload = z.infer<typeof wirePayloadSchema>;

const toBytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const toBase64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');

function fromWire(payload: WirePayload): Payload {
  return { metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBytes(value)])), data: toBytes(payload.data ?? '') };
}

function toWire(payload: Payload): WirePayload {
  return { metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBase64(value)])), data: toBase64(payload.data) };
}

/**
 * The remote codec endpoint of the Temporal Web UI (and `temporal … --codec-endpoint`): decodes and
 * encodes payloads with the API's own codec, for signed-in staff of `codecRoles` only, so the
 * dev server's Web UI, which has no sign-in, shows dossiers' contents to them and to nobody else.
 */
export function codecRoutes(context: ApiContext): RouteDefinition[] {
  const route = (direction: 'decode' | 'encode') =>
    defineRoute({
      method: 'post',
      path: `${codecEndpointPath}/${direction}`,
      summary: direction === 'decode' ? 'Decrypt Temporal payloads for the Temporal Web UI (remote codec protocol)' : 'Encrypt Temporal payloads for the Temporal Web UI (remote codec protocol)',
      tag: 'temporal',
      access: codecRoles,
      headers: [{ name: 'X-Namespace', description: 'the Temporal namespace the payloads belong to (sent by the Web UI)', required: false }],
      body: codecBodySchema,
      responses: { 200: { description: `the payloads, ${direction}d`, schema: codecBodySchema }, ...problemResponses(401, 403, 422) },
      async handler({ body }) {
        const payloads = body.payloads.map(fromWire);
        const codec = context.temporal.payloadCodec;
        const result = await (direction === 'decode' ? codec.decode(payloads) : codec.encode(payloads)).catch((error: Error) => {
          throw new Problem(422, 'undecodable-payload', error.message);
        });
        return { status: 200, body: { payloads: result.map(toWire) } };
      },
    });
  return [route('decode'), route('encode')];
}
