import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { updateRejections, type UpdateRejection } from '../../workflows/contract.js';
import { Problem } from '../http/problem.js';

/** The HTTP status of each reason the dossier workflow refuses an Update. */
const rejectionStatus: Record<UpdateRejection, number> = {
  [updateRejections.unknownTask]: 404,
  [updateRejections.taskClosed]: 409,
  [updateRejections.claimedBySomeoneElse]: 409,
  [updateRejections.notClaimedByYou]: 409,
  [updateRejections.notEligible]: 403,
  [updateRejections.invalidFormData]: 422,
  [updateRejections.extensionRefused]: 409,
  [updateRejections.dossierFinished]: 409,
};

/** A refusal from the dossier workflow as a problem; anything else is rethrown as it is. */
export function workflowProblem(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type && error.cause.type in rejectionStatus) {
    const type = error.cause.type as UpdateRejection;
    const details = (error.cause.details ?? []).filter((detail): detail is string => typeof detail === 'string');
    const errors = type === updateRejections.invalidFormData ? details.map((detail) => ({ path: `formData.${detail.split(':')[0]}`, message: detail })) : undefined;
    throw new Problem(rejectionStatus[type], type, error.cause.message, errors);
  }
  if (error instanceof WorkflowNotFoundError || (error as { message?: string }).message?.includes('workflow execution already completed')) {
    throw new Problem(409, updateRejections.dossierFinished, 'the dossier is no longer running');
  }
  throw error;
}
