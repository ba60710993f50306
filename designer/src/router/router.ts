import { createRouter, type RouterHistory } from 'vue-router';
import type { Session } from '../session/session.js';
import { routes } from './routes.js';

/** The app's router: pages behind sign-in and roles, checked before each navigation. */
export function createAppRouter(history: RouterHistory, session: Session) {
  const router = createRouter({ history, routes });
  router.beforeEach(async (to) => {
    await session.restore();
    if (to.meta.public) return true;
    if (!session.state.user) return { name: 'sign-in', query: { next: to.fullPath } };
    if (to.meta.roles && !session.hasRole(...to.meta.roles)) return { name: 'home' };
    return true;
  });
  return router;
}
