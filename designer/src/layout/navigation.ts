import type { SystemRole } from '../api/types.js';

/** An entry of the header's navigation, shown to the roles that may use it. Pages of later features add theirs here. */
export interface NavigationItem {
  /** Key in the `nav` messages. */
  label: string;
  to: string;
  roles: SystemRole[];
}

export const navigation: NavigationItem[] = [
  { label: 'nav.procedures', to: '/procedures', roles: ['reformer', 'agency-admin'] },
  { label: 'nav.compare', to: '/compare', roles: ['reformer', 'agency-admin'] },
  { label: 'nav.worklist', to: '/worklist', roles: ['officer', 'supervisor'] },
  { label: 'nav.counter', to: '/counter', roles: ['officer', 'supervisor'] },
  { label: 'nav.supervision', to: '/supervision', roles: ['supervisor'] },
  { label: 'nav.dashboards', to: '/dashboards', roles: ['agency-admin', 'supervisor', 'officer', 'auditor'] },
  { label: 'nav.outbox', to: '/outbox', roles: ['agency-admin'] },
  { label: 'nav.organisation', to: '/organisation', roles: ['agency-admin'] },
  { label: 'nav.reports', to: '/reports', roles: ['agency-admin', 'supervisor', 'auditor'] },
  { label: 'nav.catalogue', to: '/catalogue', roles: ['citizen'] },
  { label: 'nav.track', to: '/track', roles: ['citizen'] },
];
