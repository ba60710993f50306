import { z } from 'zod';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { systemRoles, type UserDocument } from '../../store/identity/user-model.js';
import { appendAudit, auditStreams, type AuditRequest } from '../audit/audit-log.js';
import { auditActorOf, type Principal } from '../auth/principal.js';
import { hashPassword } from '../auth/passwords.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { wire } from '../http/schemas.js';
import { agencyScope, requireAgencyScope } from './agency-scope.js';

const staffRoles = systemRoles.filter((role) => role !== 'citizen') as [Exclude<(typeof systemRoles)[number], 'citizen'>, ...Array<Exclude<(typeof systemRoles)[number], 'citizen'>>];
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'lower-case letters, digits, dots and dashes');
const name = z.string().trim().min(1).max(200);
const password = z.string().min(10).max(200);
const email = z.email().max(200);
const phone = z.string().regex(/^\+?[0-9 .-]{8,20}$/, 'a phone number');

const staffSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    agencyId: z.string(),
    roles: z.array(z.enum(staffRoles)),
    units: z.array(z.string()),
    positions: z.array(z.string()),
    email: z.string().optional(),
    phone: z.string().optional(),
    disabled: z.boolean(),
    lastSignInAt: z.string().optional(),
  })
  .meta({ id: 'StaffMember' });

const unitSchema = z.object({ id: z.string(), agencyId: z.string(), name: z.string(), headUserId: z.string().optional() });

function staffOf(user: UserDocument) {
  return wire({
    id: user._id,
    username: user.username,
    name: user.name,
    agencyId: user.agencyId!,
    roles: user.roles,
    units: user.units ?? [],
    positions: user.positions ?? [],
    email: user.email,
    phone: user.phone,
    disabled: user.disabled,
    lastSignInAt: user.lastSignInAt,
  });
}

/**
 * An agency's administration of its units and staff: create and rename units, create staff (with the
 * email and phone their notices go to), change their roles, units and positions, disable them (no
 * one is ever deleted: their audit entries name them), reset a password, revoke sessions. Disabling,
 * a new password and a revocation end the person's sessions at once, in every API process.
 */
export function staffRoutes(context: ApiContext): RouteDefinition[] {
  const { store, revocations } = context;

  const answerFor = (principal: Principal, agencyId: string) => requireAgencyScope(store, principal, agencyId);

  async function staffMember(principal: Principal, userId: string): Promise<UserDocument> {
    const user = await store.users.findById(userId).lean<UserDocument>();
    if (!user || user.agencyId === undefined) throw new Problem(404, 'unknown-user', `there is no staff member ${userId}`);
    await answerFor(principal, user.agencyId);
    return user;
  }

  /** Units of the agency and existing positions only: a typo would leave someone outside every queue. */
  async function checkPlacement(agencyId: string, units: readonly string[] | undefined, positions: readonly string[] | undefined): Promise<void> {
    if (units?.length) {
      const known = new Set((await store.units.find({ _id: { $in: [...units] }, agencyId }, { _id: 1 }).lean()).map((unit) => unit._id));
      const unknown = units.filter((unit) => !known.has(unit));
      if (unknown.length) throw new Problem(422, 'unknown-unit', `agency ${agencyId} has no unit ${unknown.join(', ')}`);
    }
    if (positions?.length) {
      const known = new Set((await store.positions.find({ _id: { $in: [...positions] } }, { _id: 1 }).lean()).map((position) => position._id));
      const unknown = positions.filter((position) => !known.has(position));
      if (unknown.length) throw new Problem(422, 'unknown-position', `there is no position ${unknown.join(', ')}`);
    }
  }

  async function revokeSessions(userId: string): Promise<void> {
    await revocations.revoke(userId);
    await store.refreshSessions.deleteMany({ userId });
  }

  const audit = (principal: Principal, agencyId: string, action: string, target: { kind: string; id: string }, details: AuditRequest['details']) =>
    appendAudit(store, { stream: auditStreams.organisation(agencyId), actor: auditActorOf(principal), action, target, details });

  return [
    defineRoute({
      method: 'get',
      path: '/api/org/staff',
      summary: 'The staff of the caller’s agencies (or one), with their roles, units, positions, contacts and last sign-in',
      tag: 'organisation',
      access: ['agency-admin'],
      query: z.object({ agencyId: name.optional() }),
      responses: { 200: { description: 'staff, by name', schema: z.object({ items: z.array(staffSchema) }) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        if (query.agencyId) await answerFor(principal, query.agencyId);
        const agencies = query.agencyId ? [query.agencyId] : [...(await agencyScope(store, principal))];
        const users = await store.users.find({ agencyId: { $in: agencies } }, { passwordHash: 0 }).lean<UserDocument[]>();
        users.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
        return { status: 200, body: { items: users.map(staffOf) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/org/staff',
      summary: 'Create a staff account in one of the caller’s agencies',
      tag: 'organisation',
      access: ['agency-admin'],
      body: z.object({
        username: id,
        name,
        agencyId: name,
        password,
        roles: z.array(z.enum(staffRoles)).min(1),
        units: z.array(name).default([]),
        positions: z.array(name).default([]),
        email: email.optional(),
        phone: phone.optional(),
      }),
      responses: { 201: { description: 'the new staff member', schema: staffSchema }, ...problemResponses(400, 401, 403, 409, 422) },
      async handler({ body, principal }) {
        await answerFor(principal, body.agencyId);
        await checkPlacement(body.agencyId, body.units, body.positions);
        const { password: chosen, ...fields } = body;
        const user: UserDocument = { _id: body.username, ...fields, passwordHash: await hashPassword(chosen), disabled: false, createdAt: new Date() };
        try {
          await store.users.create(user);
        } catch (error) {
          if (isDuplicateKey(error)) throw new Problem(409, 'username-taken', `the username ${body.username} is taken`);
          throw error;
        }
        await audit(principal, body.agencyId, 'staff-created', { kind: 'user', id: user._id }, { roles: body.roles, units: body.units, positions: body.positions });
        return { status: 201, body: staffOf(user) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/org/staff/:userId',
      summary: 'Change a staff member: name, contacts, roles, units (a move), positions, or disable / enable the account (disabling ends its sessions)',
      tag: 'organisation',
      access: ['agency-admin'],
      params: z.object({ userId: name }),
      body: z
        .object({
          name,
          email: email.nullable(),
          phone: phone.nullable(),
          roles: z.array(z.enum(staffRoles)).min(1),
          units: z.array(name),
          positions: z.array(name),
          disabled: z.boolean(),
        })
        .partial()
        .refine((change) => Object.keys(change).length > 0, 'name at least one thing to change'),
      responses: { 200: { description: 'the staff member as changed', schema: staffSchema }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params, body, principal }) {
        const user = await staffMember(principal, params.userId);
        if (body.disabled && user._id === principal.id) throw new Problem(422, 'cannot-disable-self', 'an administrator cannot disable their own account');
        await checkPlacement(user.agencyId!, body.units, body.positions);
        const set: Record<string, unknown> = {};
        const unset: Record<string, 1> = {};
        for (const [field, value] of Object.entries(body)) if (value === null) unset[field] = 1; else set[field] = value;
        await store.users.updateOne({ _id: user._id }, { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) });
        if (body.disabled === true && !user.disabled) await revokeSessions(user._id);
        const action = body.disabled === true ? 'staff-disabled' : body.disabled === false ? 'staff-enabled' : 'staff-changed';
        await audit(principal, user.agencyId!, action, { kind: 'user', id: user._id }, { changed: Object.keys(body) });
        return { status: 200, body: staffOf((await store.users.findById(user._id).lean<UserDocument>())!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/org/staff/:userId/password',
      summary: 'Set a new password for a staff member; their sessions end',
      tag: 'organisation',
      access: ['agency-admin'],
      params: z.object({ userId: name }),
      body: z.object({ password }),
      responses: { 200: { description: 'the staff member', schema: staffSchema }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params, body, principal }) {
        const user = await staffMember(principal, params.userId);
        await store.users.updateOne({ _id: user._id }, { $set: { passwordHash: await hashPassword(body.password) } });
        await revokeSessions(user._id);
        await audit(principal, user.agencyId!, 'staff-password-reset', { kind: 'user', id: user._id }, {});
        return { status: 200, body: staffOf((await store.users.findById(user._id).lean<UserDocument>())!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/org/staff/:userId/revoke-sessions',
      summary: 'End every session of a staff member now (they sign in again)',
      tag: 'organisation',
      access: ['agency-admin'],
      params: z.object({ userId: name }),
      responses: { 200: { description: 'the staff member', schema: staffSchema }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, principal }) {
        const user = await staffMember(principal, params.userId);
        await revokeSessions(user._id);
        await audit(principal, user.agencyId!, 'staff-sessions-revoked', { kind: 'user', id: user._id }, {});
        return { status: 200, body: staffOf((await store.users.findById(user._id).lean<UserDocument>())!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/org/units',
      summary: 'Create a unit in one of the caller’s agencies',
      tag: 'organisation',
      access: ['agency-admin'],
      body: z.object({ id, agencyId: name, name, headUserId: name.optional() }),
      responses: { 201: { description: 'the unit', schema: unitSchema }, ...problemResponses(400, 401, 403, 409, 422) },
      async handler({ body, principal }) {
        await answerFor(principal, body.agencyId);
        if (body.headUserId && !(await store.users.exists({ _id: body.headUserId, agencyId: body.agencyId }))) throw new Problem(422, 'unknown-user', `agency ${body.agencyId} has no staff member ${body.headUserId}`);
        const { id: unitId, ...fields } = body;
        try {
          await store.units.create({ _id: unitId, ...fields });
        } catch (error) {
          if (isDuplicateKey(error)) throw new Problem(409, 'unit-exists', `there is a unit ${unitId} already`);
          throw error;
        }
        await audit(principal, body.agencyId, 'unit-created', { kind: 'unit', id: unitId }, { name: body.name });
        return { status: 201, body: { id: unitId, ...fields } };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/org/units/:unitId',
      summary: 'Rename a unit or change its head (who its overdue work goes to)',
      tag: 'organisation',
      access: ['agency-admin'],
      params: z.object({ unitId: name }),
      body: z.object({ name, headUserId: name.nullable() }).partial().refine((change) => Object.keys(change).length > 0, 'name at least one thing to change'),
      responses: { 200: { description: 'the unit', schema: unitSchema }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params, body, principal }) {
        const unit = await store.units.findById(params.unitId).lean();
        if (!unit) throw new Problem(404, 'unknown-unit', `there is no unit ${params.unitId}`);
        await answerFor(principal, unit.agencyId);
        if (body.headUserId && !(await store.users.exists({ _id: body.headUserId, agencyId: unit.agencyId }))) throw new Problem(422, 'unknown-user', `agency ${unit.agencyId} has no staff member ${body.headUserId}`);
        const update = body.headUserId === null ? { $set: body.name ? { name: body.name } : {}, $unset: { headUserId: 1 } } : { $set: body };
        await store.units.updateOne({ _id: unit._id }, update);
        await audit(principal, unit.agencyId, 'unit-changed', { kind: 'unit', id: unit._id }, { changed: Object.keys(body) });
        const changed = (await store.units.findById(unit._id).lean())!;
        return { status: 200, body: { id: changed._id, agencyId: changed.agencyId, name: changed.name, ...(changed.headUserId ? { headUserId: changed.headUserId } : {}) } };
      },
    }),
  ];
}
