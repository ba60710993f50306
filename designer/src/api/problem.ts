/** An RFC 9457 problem, as the API answers every refused request. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ path: string; message: string; text?: { vi: string; en: string } }>;
  code?: string;
}

/** A request the API refused (or could not be reached for): carries the problem for the page to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Reads a refused response's body as a problem, whatever the server sent. */
export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.title === 'string') return { type: 'about:blank', status: response.status, ...body } as Problem;
  } catch {
    // not JSON: described below
  }
  return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: text || undefined };
}
