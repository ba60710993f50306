/**
 * What the simulated users were told was done, written by the drivers as the API acknowledged it:
 * the independent record the checks hold the system to (never the system's own counts).
 */
export type Scenario = 'approved' | 'supplemented' | 'rejected' | 'withdrawn';

export interface DossierEntry {
  /** The submission's Idempotency-Key, also the applicant's name suffix: finds duplicates. */
  submissionKey: string;
  scenario: Scenario;
  applicantEmail: string;
  code?: string;
  /** Task ids whose completion the API acknowledged, in order. */
  completedTasks: string[];
  claimedTasks: string[];
  supplements: number;
  withdrawals: number;
  /** Set when the driver gave up (retry deadline): the dossier's figures count it as stuck. */
  failure?: string;
}

export class Ledger {
  readonly dossiers: DossierEntry[] = [];
  /** When each acknowledgement came (ms since epoch): catch-up after a fault is the first one after it. */
  readonly acknowledgedAt: number[] = [];
  calendarCorrections = 0;

  open(entry: Omit<DossierEntry, 'completedTasks' | 'claimedTasks' | 'supplements' | 'withdrawals'>): DossierEntry {
    const full: DossierEntry = { ...entry, completedTasks: [], claimedTasks: [], supplements: 0, withdrawals: 0 };
    this.dossiers.push(full);
    return full;
  }

  acknowledge(): void {
    this.acknowledgedAt.push(Date.now());
  }

  /** Dossiers whose submission the API acknowledged with a code. */
  submitted(): Array<DossierEntry & { code: string }> {
    return this.dossiers.filter((entry): entry is DossierEntry & { code: string } => entry.code !== undefined);
  }

  firstAcknowledgementAfter(at: number): number | undefined {
    return this.acknowledgedAt.find((time) => time >= at);
  }
}
