/**
 * A failure that knows what the user can do about it. Services throw these
 * instead of plain errors, so the same category decides the CLI's exit code,
 * the host's HTTP status and the words the console shows.
 */
import type { FailureCategory } from './contract';

export class OpsError extends Error {
  constructor(
    readonly category: FailureCategory,
    message: string,
  ) {
    super(message);
    this.name = 'OpsError';
  }
}

/** The request was wrong (a name, a date, a week, a region): fix it and ask again. */
export const badInput = (message: string) => new OpsError('badInput', message);
