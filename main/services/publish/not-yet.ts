/** Until the engine is wired: every publish method says so, as a clear internal error (never a stack trace). */
import { OpsError } from '../../../shared/ops-error';
import type { PublishService } from './handlers';

export function notYetPublishService(): PublishService {
  const notYet = async (): Promise<never> => {
    throw new OpsError('internal', 'Publishing is not available in this build yet.');
  };
  return new Proxy({} as PublishService, { get: () => notYet });
}
