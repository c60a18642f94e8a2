/** scriptSessions.*: the live script sessions of a unit's agents, and the watch leases that keep them fresh. */
import type { OpsApi } from '../../../shared/contract';
import type { scriptSessionsMethods } from '../../../shared/contract/script-sessions';
import type { ScriptSessionService } from './script-session-service';

export function scriptSessionsHandlers(service: ScriptSessionService) {
  return {
    'scriptSessions.active': async ({ profileId, businessUnitId }) => service.active(profileId, businessUnitId),
    'scriptSessions.watch': async ({ profileId, businessUnitId, leaseId }) =>
      service.watch(profileId, businessUnitId, leaseId),
    'scriptSessions.unwatch': async ({ leaseId }) => service.unwatch(leaseId),
  } satisfies Pick<OpsApi, keyof typeof scriptSessionsMethods>;
}
