import type { HttpClient } from './http-client.js';
import type {
  Agency,
  CurrentUser,
  Deployed,
  LoginAnswer,
  Position,
  Preview,
  ProcedureDetail,
  ProcedureSummary,
  ProcedureVersion,
  Unit,
} from './types.js';

const code = (value: string) => encodeURIComponent(value);

/** The API calls the web app makes, one function per route of the contract. */
export function createMotcuaApi(http: HttpClient) {
  return {
    login: (username: string, password: string) => http.post<LoginAnswer>('/api/auth/login', { username, password }),
    logout: (refreshToken: string) => http.post<void>('/api/auth/logout', { refreshToken }),
    me: () => http.get<CurrentUser>('/api/me'),

    agencies: () => http.get<Agency[]>('/api/org/agencies'),
    units: (agencyId?: string) => http.get<Unit[]>(`/api/org/units${agencyId ? `?agencyId=${code(agencyId)}` : ''}`),
    positions: () => http.get<Array<Position | string>>('/api/org/positions'),

    procedures: () => http.get<ProcedureSummary[]>('/api/procedures'),
    procedure: (procedureCode: string) => http.get<ProcedureDetail>(`/api/procedures/${code(procedureCode)}`),
    createProcedure: (xml: string) => http.post<{ code: string }>('/api/procedures', { xml }),
    saveDraft: (procedureCode: string, xml: string) => http.put<unknown>(`/api/procedures/${code(procedureCode)}/draft`, { xml }),
    preview: (procedureCode: string, xml?: string) => http.post<Preview>(`/api/procedures/${code(procedureCode)}/preview`, xml === undefined ? {} : { xml }),
    deploy: (procedureCode: string) => http.post<Deployed>(`/api/procedures/${code(procedureCode)}/deploy`),
    retire: (procedureCode: string) => http.post<unknown>(`/api/procedures/${code(procedureCode)}/retire`),
    version: (procedureCode: string, version: number) => http.get<ProcedureVersion>(`/api/procedures/${code(procedureCode)}/versions/${version}`),
  };
}

export type MotcuaApi = ReturnType<typeof createMotcuaApi>;
