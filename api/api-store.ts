import type { Connection } from 'mongoose';
import { attachmentModel } from '../store/attachments/attachment-model.js';
import { calendarDraftModel } from '../store/calendars/calendar-models.js';
import { commentModel } from '../store/comments/comment-model.js';
import { refreshSessionModel } from '../store/identity/refresh-session-model.js';
import { sessionRevocationModel } from '../store/identity/session-revocation-model.js';
import { signInLockoutModel } from '../store/identity/sign-in-lockout-model.js';
import { userModel } from '../store/identity/user-model.js';
import { positionModel, unitModel } from '../store/organisation/organisation-models.js';
import { claimsModel } from '../store/claims/claims.js';
import { rateLimitHitModel } from '../store/rate-limits/rate-limit-hit-model.js';
import { submissionKeyModel } from '../store/dossiers/submission-key-model.js';
import { createStore } from '../store/store.js';

/** The store as the API sees it: the workflow's collections plus identity, organisation, calendars, attachments and staff comments. */
export function createApiStore(connection: Connection) {
  const store = createStore(connection);
  const models = {
    users: userModel(connection),
    refreshSessions: refreshSessionModel(connection),
    sessionRevocations: sessionRevocationModel(connection),
    signInLockouts: signInLockoutModel(connection),
    units: unitModel(connection),
    positions: positionModel(connection),
    calendarDrafts: calendarDraftModel(connection),
    attachments: attachmentModel(connection),
    comments: commentModel(connection),
    answeredRequests: claimsModel(connection, 'AnsweredRequest', 'answeredRequests'),
    rateLimitHits: rateLimitHitModel(connection),
    submissionKeys: submissionKeyModel(connection),
  };
  return {
    ...store,
    ...models,
    connection,
    async ensureIndexes(): Promise<void> {
      await store.ensureIndexes();
      await Promise.all(Object.values(models).map((model) => (model as { init(): Promise<unknown> }).init()));
    },
  };
}

export type ApiStore = ReturnType<typeof createApiStore>;
