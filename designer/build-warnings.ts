import type { Rollup } from 'vite';

/**
 * The production build's Rollup warnings, minus the one that is known noise: zod 4's own comments
 * mention `@__PURE__` where Rollup cannot read an annotation, so Rollup drops those comments and
 * warns; nothing in the output changes. Every other warning goes through.
 */
export function reportBuildWarning(warning: Rollup.RollupLog, report: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  report(warning);
}

/**
 * The largest chunk the build accepts silently, in kB: the modeler page (bpmn-js, its properties
 * panel and token simulation, ~1.4 MB) and the dashboards (ECharts, ~560 kB) are each one chunk
 * loaded only by their route, so Vite's 500 kB default would warn about every build; a chunk past
 * this limit is growth to look at.
 */
export const chunkSizeWarningLimit = 2_000;
