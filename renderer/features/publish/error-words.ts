/**
 * A failed call in words with the next step: the message main gave (never a stack), plus what to do
 * for the categories a supervisor can act on. Pure.
 */
import type { FailureCategory } from '../../../shared/contract';
import { OpsCallError } from '../../bridge/call-error';

const nextSteps: Partial<Record<FailureCategory, string>> = {
  auth: 'Sign in again on the Connections screen, then try again.',
  unavailable: 'Genesys Cloud could not be reached: check the network, then try again.',
  conflict: 'Someone else changed it first: read the publish again and decide.',
  badInput: 'Check what was picked and try again.',
  storage: 'The local mirror could not be written: check the disk, then try again.',
};

export function errorWords(err: unknown): string {
  if (err instanceof OpsCallError) {
    if (err.code === 'transport') return `${err.message} Try again in a moment.`;
    const next = err.category ? nextSteps[err.category] : undefined;
    return next ? `${err.message} ${next}` : err.message;
  }
  // Anything else is our own bug: its text may be a stack or internals, so it is not shown.
  return 'Something went wrong in the console. Try again; if it keeps failing, restart Publish Desk.';
}
