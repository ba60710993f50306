import type { Stats } from '../api/types.js';

export interface HeatEntry {
  elementId: string;
  averageWorkingHours: number;
  completed: number;
  /** 0 (the quickest step) … 1 (where dossiers wait longest). */
  share: number;
  color: string;
}

/**
 * Average working time per step of one procedure, scaled against its slowest step and coloured from
 * green (quick) through amber to red (where dossiers wait).
 */
export function heatOf(steps: Stats['steps'], procedureCode: string): HeatEntry[] {
  const mine = steps.filter((step) => step.procedureCode === procedureCode);
  const slowest = Math.max(0, ...mine.map((step) => step.averageWorkingHours));
  return mine.map((step) => {
    const share = slowest === 0 ? 0 : step.averageWorkingHours / slowest;
    // Hue 120 (green) down to 0 (red).
    return { elementId: step.elementId, averageWorkingHours: step.averageWorkingHours, completed: step.completed, share, color: `hsl(${Math.round(120 * (1 - share))}, 70%, 45%)` };
  });
}
