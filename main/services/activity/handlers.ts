/** activity.*: the request audit, read back for the Activity log. */
import type { OpsApi } from '../../../shared/contract';
import type { activityMethods } from '../../../shared/contract/activity';
import type { ActivityLog } from './activity-log';

export function activityHandlers(activity: ActivityLog) {
  return {
    'activity.list': async (query) => activity.list(query),
  } satisfies Pick<OpsApi, keyof typeof activityMethods>;
}
