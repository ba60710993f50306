import { Schema, type Connection, type Model } from 'mongoose';
import type { HandlingRow, ReportGrouping } from '../../engine/reports/handling-report.js';
import type { ReportPeriod } from '../../engine/reports/report-period.js';

/** What a report covers besides its agency and period: one unit, procedure or field, or all. */
export interface ReportScope {
  unitId?: string | undefined;
  procedureCode?: string | undefined;
  field?: string | undefined;
}

/**
 * A periodic report on handling administrative procedures, as produced (on request or by the
 * monthly schedule) and kept: the figures do not change when dossiers do, so what was sent upward
 * can be shown again. Producing the same report again replaces it with fresh figures.
 */
export interface ReportDocument {
  /** `<agency>~<period>~<grouping>~<scope>`: one report per agency, period, grouping and scope. */
  _id: string;
  agencyId: string;
  agencyName: string;
  period: ReportPeriod & { key: string; title: string };
  grouping: ReportGrouping;
  scope: ReportScope;
  from: Date;
  until: Date;
  rows: HandlingRow[];
  total: Omit<HandlingRow, 'key' | 'title'>;
  producedAt: Date;
  /** The user who asked for it, or `schedule`. */
  producedBy: string;
}

const reportSchema = new Schema<ReportDocument>(
  {
    _id: { type: String, required: true },
    agencyId: { type: String, required: true },
    agencyName: { type: String, required: true },
    period: { _id: false, kind: String, year: Number, number: Number, key: String, title: String },
    grouping: { type: String, required: true },
    scope: { _id: false, unitId: String, procedureCode: String, field: String },
    from: { type: Date, required: true },
    until: { type: Date, required: true },
    rows: { type: Schema.Types.Mixed, required: true },
    total: { type: Schema.Types.Mixed, required: true },
    producedAt: { type: Date, required: true },
    producedBy: { type: String, required: true },
  },
  { versionKey: false },
);
reportSchema.index({ agencyId: 1, producedAt: -1 });

export function reportModel(connection: Connection): Model<ReportDocument> {
  return connection.models.Report ?? connection.model<ReportDocument>('Report', reportSchema, 'reports');
}
