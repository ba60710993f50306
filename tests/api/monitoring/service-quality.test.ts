import { describe, expect, it } from 'vitest';
import { serviceQuality, type DossierFigures } from '../../../api/monitoring/service-quality.js';

const dossier = (figures: Partial<DossierFigures>): DossierFigures => ({ status: 'processing', channel: 'online', overdue: false, ...figures });

describe('service quality figures', () => {
  it('counts refused dossiers apart from early, on time and late, and leaves them out of the index', () => {
    const figures = serviceQuality([
      dossier({ status: 'returned', punctuality: 'early', finishedAt: new Date() }),
      dossier({ status: 'returned', punctuality: 'late', finishedAt: new Date() }),
      dossier({ status: 'rejected', finishedAt: new Date() }),
      dossier({ status: 'rejected', finishedAt: new Date(), overdue: true }),
    ]);
    expect(figures.refused).toBe(2);
    expect(figures.finished).toEqual({ early: 1, onTime: 0, late: 1, total: 2 });
    expect(figures.index).toMatchObject({ onTimeRate: 50, points: 2, averagePoints: 1 });
    expect(figures.overdueNow).toBe(0);
  });
});
