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
const workers: SystemRole[] = ['officer', 'supervisor'];
const monitors: SystemRole[] = ['agency-admin', 'supervisor', 'officer', 'auditor'];

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
  { path: '/worklist', name: 'worklist', component: () => import('../worklist/WorklistPage.vue'), meta: { roles: workers } },
  { path: '/counter', name: 'counter', component: () => import('../counter/CounterIntakePage.vue'), meta: { roles: workers } },
  { path: '/tasks/:taskId', name: 'task', component: () => import('../tasks/TaskPage.vue'), props: true, meta: { roles: workers } },
  { path: '/supervision', name: 'supervision', component: () => import('../supervision/SupervisionPage.vue'), meta: { roles: ['supervisor'] } },
  { path: '/dashboards', name: 'dashboards', component: () => import('../dashboards/DashboardPage.vue'), meta: { roles: monitors } },
  { path: '/organisation', name: 'organisation', component: () => import('../organisation/OrganisationPage.vue'), meta: { roles: ['agency-admin'] } },
  { path: '/reports', name: 'reports', component: () => import('../reports/ReportsPage.vue'), meta: { roles: ['agency-admin', 'supervisor', 'auditor'] } },
  { path: '/outbox', name: 'outbox', component: () => import('../outbox/OutboxPage.vue'), meta: { roles: ['agency-admin'] } },
  { path: '/catalogue', name: 'catalogue', component: () => import('../citizen/CataloguePage.vue'), meta: { public: true } },
  { path: '/submit/:code', name: 'submit', component: () => import('../citizen/SubmitPage.vue'), props: true, meta: { roles: ['citizen'] } },
  // Open to anyone: signed out, the page asks for the second factor (public tracking).
  { path: '/track/:code?', name: 'track', component: () => import('../citizen/TrackPage.vue'), props: true, meta: { public: true } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('../layout/NotFoundPage.vue'), meta: { public: true } },
];
