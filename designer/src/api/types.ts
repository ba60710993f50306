/** Shapes of the API's answers (the HTTP contract; see api/openapi.json on a running server). */
import type { Diagnostic } from '@engine/diagnostics/diagnostic.js';
import type { ProcedureAnalysis } from '@engine/analysis/procedure-analysis.js';

export type SystemRole = 'reformer' | 'agency-admin' | 'officer' | 'supervisor' | 'citizen' | 'auditor';

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  roles: SystemRole[];
  positions: string[];
  agencyId: string | null;
  units: string[];
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: CurrentUser;
}

export interface Agency {
  id: string;
  name: string;
  level: 'ministry' | 'province' | 'district' | 'commune';
  parentId?: string;
  code: string;
}

export interface Unit {
  id: string;
  agencyId: string;
  name: string;
  headUserId?: string;
}

/** A position (candidate role in procedures); the API may answer with plain ids. */
export interface Position {
  id: string;
  name: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  agencyId: string;
  currentVersion: number | null;
  retired: boolean;
  updatedAt: string;
  hasDraft: boolean;
}

export interface ProcedureVersionSummary {
  version: number;
  planHash: string;
  deployedAt: string;
  deployedBy: string;
  retiredAt: string | null;
}

export interface ProcedureDetail {
  code: string;
  name: string;
  agencyId: string;
  draftXml: string | null;
  currentVersion: number | null;
  retired: boolean;
  versions: ProcedureVersionSummary[];
}

export interface ProcedureVersion {
  version: number;
  planHash: string;
  xml: string;
  deployedAt: string;
  deployedBy: string;
  analysis: ProcedureAnalysis;
}

export interface Preview {
  ok: boolean;
  diagnostics: Diagnostic[];
  analysis: ProcedureAnalysis | null;
}

export interface Deployed {
  version: number;
  planHash: string;
}
