import type { RouteRecordRaw } from 'vue-router';
import type { SystemRole } from '../api/types.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone (no sign-in). */
    public?: boolean;
    /** Signed-in users with one of these roles; others are sent home. */
    roles?: SystemRole[];
  }
}

const designers: SystemRole[] = ['reformer', 'agency-admin'];

export const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../auth/SignInPage.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: () => import('../layout/HomePage.vue') },
  { path: '/procedures', name: 'procedures', component: () => import('../procedures/ProcedureListPage.vue'), meta: { roles: designers } },
  { path: '/procedures/new', name: 'procedure-new', component: () => import('../procedures/ProcedureDesignerPage.vue'), meta: { roles: designers } },
  {
    path: '/procedures/:code',
    name: 'procedure',
    component: () => import('../procedures/ProcedureDesignerPage.vue'),
    props: true,
    meta: { roles: designers },
  },
  { path: '/compare', name: 'compare', component: () => import('../compare/ComparePage.vue'), meta: { roles: designers } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('../layout/NotFoundPage.vue'), meta: { public: true } },
];
