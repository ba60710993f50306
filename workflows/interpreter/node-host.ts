import type { PlanNodeOf, ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import type { VariableNamespaces } from '../../engine/plan/variable-namespaces.js';
import type { DossierInput, Variables } from '../contract.js';
import type { ApologyDesk } from './apology-desk.js';
import type { DossierRecord } from './dossier-record.js';
import type { LegalClock } from './legal-clock.js';
import type { Mailbox } from './mailbox.js';
import type { ResumableWait, ScopeRun, Token } from './scope-run.js';

/**
 * What the node behaviours (user tasks, service tasks, activities, gateways) use of the dossier
 * they run in. The runtime implements it and runs the behaviours; they know only this, so the
 * arrows go one way: runtime → node runner → behaviours → host.
 */
export interface NodeHost {
  readonly dossierId: string;
  readonly input: DossierInput;
  readonly plan: ProcedurePlan;
  readonly record: DossierRecord;
  readonly clock: LegalClock;
  readonly mailbox: Mailbox;
  readonly apologies: ApologyDesk;
  readonly namespaces: VariableNamespaces;
  /** Changes whenever the calendar changes: open steps count their deadlines again. */
  readonly calendarRevision: number;
  readonly processed: boolean;
  /** When the citizen's latest supplement was received. */
  readonly supplementReceivedAt?: number;
  variablesFor(scope: ScopeRun): Variables;
  clockChanged(): void;
  resultReady(): void;
  runSubProcess(node: PlanNodeOf<'subProcess'>, body: ActivityBody): Promise<void>;
}

/** What the body of an activity is given: where it runs, and how to say what it waits on. */
export interface ActivityBody {
  runtime: NodeHost;
  scope: ScopeRun;
  token: Token;
  /** Variables of this instance: the scope's, plus a multi-instance element and loop counter. */
  local: Variables;
  setWait(wait: ResumableWait | undefined): void;
  /** An escalation thrown inside (a subprocess's escalation end event). */
  onEscalation(escalationCode: string): void;
}
