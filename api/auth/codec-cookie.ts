import type { Request, Response } from 'express';
import { codecEndpointPath, codecRoles } from '../temporal/codec-routes.js';
import type { Principal } from './principal.js';

/**
 * The access token the Temporal Web UI sends to the codec endpoint. The Web UI of the dev server
 * has no sign-in of its own, so it cannot pass a bearer token; with "Include cross-origin
 * credentials" it sends this cookie, set at sign-in for the staff who may decode. HttpOnly and
 * scoped to the codec endpoint: no script reads it and no other route accepts it.
 */
export const codecCookieName = 'motcua_codec';

export function codecCookieToken(request: Request): string | undefined {
  if (!request.path.startsWith(`${codecEndpointPath}/`)) return undefined;
  const header = request.headers.cookie ?? '';
  return header.split(';').map((part) => part.trim().split('=')).find(([name]) => name === codecCookieName)?.[1] || undefined;
}

/** Sets (or, for a principal who may not decode, clears) the codec cookie beside a new session. */
export function setCodecCookie(request: Request, response: Response, principal: Principal, accessToken: string, maxAgeSeconds: number): void {
  if (!principal.roles.some((role) => codecRoles.includes(role))) return clearCodecCookie(request, response);
  response.cookie(codecCookieName, accessToken, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: codecEndpointPath, maxAge: maxAgeSeconds * 1000 });
}

export function clearCodecCookie(request: Request, response: Response): void {
  response.clearCookie(codecCookieName, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: codecEndpointPath });
}
