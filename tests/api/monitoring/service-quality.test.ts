import { describe, expect, it } from 'vitest';
import { serviceQuality } from '../../../api/monitoring/service-quality.js';

describe('service quality figures', () => {
  it('counts refused dossiers apart from early, on time and late, and leaves them out of the index', () => {
    const figures = serviceQuality({ received: 4, early: 1, 'on-time': 0, late: 1, finished: 2, refused: 2, 'overdue-now': 0, 'overdue-or-late': 1, online: 4 });
    expect(figures.refused).toBe(2);
    expect(figures.finished).toEqual({ early: 1, onTime: 0, late: 1, total: 2 });
    expect(figures.index).toMatchObject({ onTimeRate: 50, points: 2, averagePoints: 1, overduePercent: 25 });
    expect(figures.overdueNow).toBe(0);
  });
});
