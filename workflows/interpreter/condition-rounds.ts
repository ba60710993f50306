import { condition } from '@temporalio/workflow';

/**
 * Resolves after `rounds` rounds of the workflow's condition checks. Within one activation the SDK
 * checks every blocked condition, runs what that unblocked to its next wait, and checks again while
 * anything moved. A condition is checked once when made, so one that holds from its second check on
 * resolves in the next round — and, having been unblocked, makes sure one more round follows. Used
 * to let a step's token move on (and a scope it emptied end) before an update answers, so that one
 * store write carries all they changed.
 */
export async function afterConditionRounds(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    let checked = false;
    await condition(() => {
      if (checked) return true;
      checked = true;
      return false;
    });
  }
}
