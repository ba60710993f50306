import { canonicalJson, type CanonicalValue } from '../../canonical/canonical-json.js';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import type { ProcedurePlan } from '../../plan/procedure-plan.js';
import { allScopes } from '../../plan/scope-index.js';
import { formatLegalTime, type LegalTime } from '../budget/legal-time.js';
import type { ProcedureAnalysis } from '../procedure-analysis.js';

/** Reform target (Circular 02/2017 practice): cut the yearly compliance cost by at least a fifth. */
const REFORM_TARGET_SHARE = 0.2;

export interface ComparedVersion {
  plan: ProcedurePlan;
  analysis: ProcedureAnalysis;
}

export type ComparedMetric =
  | 'steps'
  | 'humanSteps'
  | 'citizenFacingSteps'
  | 'agencies'
  | 'units'
  | 'handoffs'
  | 'legalTime'
  | 'complianceCostPerDossier'
  | 'complianceCostPerYear';

export interface MetricChange {
  metric: ComparedMetric;
  label: LocalizedText;
  before: string;
  after: string;
  /** (after − before) / before, in percent with one decimal; null when before is zero or the two are not comparable. */
  changePercent: number | null;
}

export interface ElementChange {
  elementId: string;
  /** The plan fields that differ (for the process: its procedure settings). */
  fields: string[];
}

export interface ProcedureComparison {
  added: string[];
  removed: string[];
  changed: ElementChange[];
  metrics: MetricChange[];
  target: {
    share: number;
    /** Null when the old version declares no compliance cost to cut. */
    met: boolean | null;
    summary: LocalizedText;
  };
}

const labels: Record<ComparedMetric, LocalizedText> = {
  steps: { vi: 'Số bước', en: 'Steps' },
  humanSteps: { vi: 'Bước do cán bộ thực hiện', en: 'Officer steps' },
  citizenFacingSteps: { vi: 'Bước công dân phải tham gia', en: 'Citizen-facing steps' },
  agencies: { vi: 'Số cơ quan', en: 'Agencies' },
  units: { vi: 'Số đơn vị', en: 'Units' },
  handoffs: { vi: 'Số lần chuyển giao', en: 'Handoffs' },
  legalTime: { vi: 'Thời gian trên đường găng', en: 'Legal time on the critical path' },
  complianceCostPerDossier: { vi: 'Chi phí tuân thủ mỗi hồ sơ (đồng)', en: 'Compliance cost per dossier (VND)' },
  complianceCostPerYear: { vi: 'Chi phí tuân thủ mỗi năm (đồng)', en: 'Compliance cost per year (VND)' },
};

/** Every element of a plan by id, as comparable values: nodes without their wiring, flows, and the procedure settings. */
function elementsOf(plan: ProcedurePlan): Map<string, Record<string, CanonicalValue | undefined>> {
  const elements = new Map<string, Record<string, CanonicalValue | undefined>>();
  elements.set(plan.process.id, plan.procedure as Record<string, CanonicalValue | undefined>);
  for (const scope of allScopes(plan.process)) {
    for (const node of scope.nodes) {
      const { incoming: _incoming, outgoing: _outgoing, ...fields } = node as Record<string, CanonicalValue | undefined>;
      if (node.type === 'subProcess') delete fields.scope;
      elements.set(node.id, fields);
    }
    for (const flow of scope.flows) elements.set(flow.id, flow as Record<string, CanonicalValue | undefined>);
  }
  return elements;
}

function changedFields(before: Record<string, CanonicalValue | undefined>, after: Record<string, CanonicalValue | undefined>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const text = (value: CanonicalValue | undefined) => (value === undefined ? '' : canonicalJson(value));
  return keys.filter((key) => text(before[key]) !== text(after[key]));
}

function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : Math.round(((after - before) / before) * 1000) / 10;
}

/** A total comparable across versions: working minutes, or calendar minutes, when neither mixes the two. */
function comparableTime(time: LegalTime): { kind: 'working' | 'calendar'; minutes: number } | null {
  const calendar = time.calendarDays * 24 * 60 + time.clockMinutes;
  if (calendar === 0) return { kind: 'working', minutes: time.workingMinutes };
  if (time.workingMinutes === 0) return { kind: 'calendar', minutes: calendar };
  return null;
}

function legalTimeChange(before: LegalTime, after: LegalTime): MetricChange {
  const [old, next] = [comparableTime(before), comparableTime(after)];
  const comparable = old && next && old.kind === next.kind;
  return {
    metric: 'legalTime',
    label: labels.legalTime,
    before: formatLegalTime(before),
    after: formatLegalTime(after),
    changePercent: comparable ? percentChange(old.minutes, next.minutes) : null,
  };
}

function countChange(metric: ComparedMetric, before: number, after: number): MetricChange {
  return { metric, label: labels[metric], before: String(before), after: String(after), changePercent: percentChange(before, after) };
}

function signed(percent: number | null): string {
  if (percent === null) return 'n/a';
  if (percent === 0) return '0%';
  return `${percent < 0 ? '−' : '+'}${Math.abs(Math.round(percent))}%`;
}

/**
 * Compares two versions of a procedure, as a reformer presents a simplification: which elements
 * were added, removed or changed (by BPMN id, on the compiled plans), and how the reform metrics
 * moved — with the verdict on the 20% cut in yearly compliance cost.
 */
export function compareProcedures(before: ComparedVersion, after: ComparedVersion): ProcedureComparison {
  const [oldElements, newElements] = [elementsOf(before.plan), elementsOf(after.plan)];
  const added = [...newElements.keys()].filter((id) => !oldElements.has(id));
  const removed = [...oldElements.keys()].filter((id) => !newElements.has(id));
  const changed = [...newElements]
    .filter(([id]) => oldElements.has(id))
    .map(([id, fields]) => ({ elementId: id, fields: changedFields(oldElements.get(id)!, fields) }))
    .filter((change) => change.fields.length > 0);

  const [a, b] = [before.analysis.metrics, after.analysis.metrics];
  const metrics: MetricChange[] = [
    countChange('steps', a.steps, b.steps),
    countChange('humanSteps', a.humanSteps, b.humanSteps),
    countChange('citizenFacingSteps', a.citizenFacingSteps, b.citizenFacingSteps),
    countChange('agencies', a.agencies.length, b.agencies.length),
    countChange('units', a.units.length, b.units.length),
    countChange('handoffs', a.handoffs, b.handoffs),
    legalTimeChange(before.analysis.budget.total, after.analysis.budget.total),
    countChange('complianceCostPerDossier', a.complianceCost.perDossier, b.complianceCost.perDossier),
    countChange('complianceCostPerYear', a.complianceCost.perYear, b.complianceCost.perYear),
  ];

  const time = metrics.find((metric) => metric.metric === 'legalTime')!.changePercent;
  const cost = percentChange(a.complianceCost.perYear, b.complianceCost.perYear);
  const met = cost === null ? null : cost <= -REFORM_TARGET_SHARE * 100;
  const verdict =
    met === null
      ? { vi: 'chưa đánh giá được mục tiêu cắt giảm 20% (phiên bản cũ không có chi phí tuân thủ)', en: 'the 20% target cannot be judged (the old version declares no compliance cost)' }
      : met
        ? { vi: 'đạt mục tiêu cắt giảm 20%', en: 'meets the 20% target' }
        : { vi: 'chưa đạt mục tiêu cắt giảm 20%', en: 'misses the 20% target' };
  return {
    added,
    removed,
    changed,
    metrics,
    target: {
      share: REFORM_TARGET_SHARE,
      met,
      summary: {
        vi: `Thời hạn ${signed(time)}, chi phí tuân thủ ${signed(cost)}: ${verdict.vi}.`,
        en: `Legal time ${signed(time)}, compliance cost ${signed(cost)}: ${verdict.en}.`,
      },
    },
  };
}
