import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import {
  calendarChangedSignal,
  claimTaskUpdate,
  completeTaskUpdate,
  unclaimTaskUpdate,
  extendDeadlineUpdate,
  forwardTaskUpdate,
  messageSignal,
  paymentReportedSignal,
  reassignTaskUpdate,
  stateQuery,
  supplementDossierSignal,
  withdrawDossierSignal,
  type DossierInput,
  type DossierResult,
} from './contract.js';
import { DossierRuntime } from './interpreter/dossier-runtime.js';
import { paymentMessage } from './interpreter/mailbox.js';

/**
 * The one generic workflow that runs every dossier: it interprets the ProcedurePlan pinned in its
 * input with BPMN token semantics (workflows/interpreter/) and answers the contract's messages.
 */
export async function dossierWorkflow(input: DossierInput): Promise<DossierResult> {
  const runtime = new DossierRuntime(input);

  setHandler(claimTaskUpdate, (request) => runtime.claim(request), { validator: (request) => runtime.validateClaim(request) });
  setHandler(unclaimTaskUpdate, (request) => runtime.unclaim(request), { validator: (request) => runtime.validateUnclaim(request) });
  setHandler(completeTaskUpdate, (request) => runtime.complete(request), { validator: (request) => runtime.validateCompletion(request) });
  setHandler(reassignTaskUpdate, (request) => runtime.reassign(request), { validator: (request) => runtime.validateReassignment(request) });
  setHandler(forwardTaskUpdate, (request) => runtime.forward(request), { validator: (request) => runtime.validateForward(request) });
  setHandler(extendDeadlineUpdate, (request) => runtime.extend(request), { validator: (request) => runtime.validateExtension(request) });
  setHandler(supplementDossierSignal, (request) => runtime.supplement(request));
  setHandler(withdrawDossierSignal, (request) => runtime.withdraw(request));
  setHandler(calendarChangedSignal, (change) => runtime.changeCalendar(change));
  setHandler(messageSignal, ({ name, variables }) => runtime.deliverMessage(name, variables));
  setHandler(paymentReportedSignal, (report) => runtime.deliverMessage(paymentMessage(report.paymentId), { ...report }));
  setHandler(stateQuery, () => runtime.state());

  const ended = await runtime.run();
  if ('continueAsNew' in ended) return continueAsNew<typeof dossierWorkflow>({ ...input, resume: ended.continueAsNew });
  // An officer's update still writing its result answers before the dossier closes.
  await condition(allHandlersFinished);
  return ended.result;
}
