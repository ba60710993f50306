import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFigures, type DashboardFigure } from '../../../api/monitoring/dashboard-figures.js';
import type { DossierDocument } from '../../../store/dossiers/dossier-model.js';
import { ApiHarness, type ApiResponse } from '../api-harness.js';

interface Listed {
  dossierId: string;
  applicantName: string | null;
  channel: string;
  status: string;
  overdue: boolean;
  punctuality: string | null;
}

/** What each figure means, restated from the dashboard's definitions, to check every listed dossier against. */
const belongs: Record<DashboardFigure, (dossier: Listed) => boolean> = {
  received: () => true,
  early: (dossier) => dossier.punctuality === 'early',
  'on-time': (dossier) => dossier.punctuality === 'on-time',
  late: (dossier) => dossier.punctuality === 'late',
  finished: (dossier) => dossier.punctuality !== null,
  refused: (dossier) => dossier.status === 'rejected',
  'overdue-now': (dossier) => dossier.overdue && !['rejected', 'stopped', 'returned'].includes(dossier.status),
  'overdue-or-late': (dossier) => dossier.punctuality === 'late' || (dossier.overdue && !['rejected', 'stopped', 'returned'].includes(dossier.status)),
  online: (dossier) => dossier.channel === 'online',
};

/** Every dashboard figure opens the dossiers behind it: as many as it counts, each one it should count. */
describe('GET /api/stats/dossiers', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.create();
    const procedureCode = await api.deploySample();
    const submitted = (await api.submitOnline(procedureCode)).body.dossierId as string;
    await api.submitOnline(procedureCode);
    // Finished and overdue dossiers of the past, as the projection holds them (the workflows that made them are not this test's concern).
    const model = (await api.store.dossiers.findById(submitted).lean()) as DossierDocument;
    const past = (days: number) => new Date(Date.now() - days * 86_400_000);
    const variants: Array<Partial<DossierDocument>> = [
      { status: 'returned', punctuality: 'early', finishedAt: past(1) },
      { status: 'returned', punctuality: 'early', finishedAt: past(2), channel: 'in-person' },
      { status: 'returned', punctuality: 'on-time', finishedAt: past(1) },
      { status: 'returned', punctuality: 'late', finishedAt: past(1), overdue: true },
      { status: 'processing', overdue: true, channel: 'post' },
      { status: 'stopped', overdue: true },
      { status: 'rejected', finishedAt: past(1) },
    ];
    await api.store.dossiers.insertMany(variants.map((variant, index) => ({ ...model, _id: `${model._id}-past-${index}`, receivedAt: past(3 + index), ...variant })));
  });
  afterAll(() => api.teardown());

  async function listAll(token: string, figure: string): Promise<Listed[]> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const response: ApiResponse = await api.request('GET', `/api/stats/dossiers?agencyId=ubnd-xa&figure=${figure}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists, page by page, exactly the dossiers each figure of /api/stats counts', async () => {
    const token = await api.token('admin');
    const stats = (await api.request('GET', '/api/stats?agencyId=ubnd-xa', { token })).body;
    const counted: Record<DashboardFigure, number> = {
      received: stats.received,
      early: stats.finished.early,
      'on-time': stats.finished.onTime,
      late: stats.finished.late,
      finished: stats.finished.total,
      refused: stats.refused,
      'overdue-now': stats.overdueNow,
      'overdue-or-late': Math.round((stats.index.overduePercent * stats.received) / 100),
      online: Math.round((stats.index.onlineShare * stats.received) / 100),
    };
    expect(counted).toEqual({ received: 9, early: 2, 'on-time': 1, late: 1, finished: 4, refused: 1, 'overdue-now': 1, 'overdue-or-late': 2, online: 7 });
    for (const figure of dashboardFigures) {
      const listed = await listAll(token, figure);
      expect(listed, figure).toHaveLength(counted[figure]);
      expect(new Set(listed.map((dossier) => dossier.dossierId)).size, figure).toBe(listed.length);
      expect(listed.filter((dossier) => !belongs[figure](dossier)), figure).toEqual([]);
    }
  });

  it('names the applicant only to those who work on the dossier', async () => {
    const listed = await listAll(await api.token('admin'), 'received');
    expect(listed.every((dossier) => dossier.applicantName === null)).toBe(true);
  });

  it('refuses an unknown figure, another agency, and a forged cursor, with structured problems', async () => {
    const token = await api.token('admin');
    const unknown = await api.request('GET', '/api/stats/dossiers?figure=satisfied', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('invalid-query');
    const other = await api.request('GET', '/api/stats/dossiers?figure=received&agencyId=ubnd-tinh', { token });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('other-agency');
    const forged = await api.request('GET', '/api/stats/dossiers?figure=received&cursor=bm90LWEtY3Vyc29y', { token });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('invalid-cursor');
  });
});
