/**
 * The notification topics the sandbox knows, with the permission each needs.
 * Genesys accepts a subscription only to a real topic of a real entity; a
 * token without the permission gets the topic back `Rejected`, not an error.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest } from '../http/api-error';
import type { OrgState } from '../org/model';
import type { TokenGrant } from '../runtime';

interface TopicRule {
  pattern: RegExp;
  permissions: string[];
  /** Whether the entity named by the topic's first capture exists. */
  exists(org: OrgState, entityId: string): boolean;
  entity: string;
  /** For a user's own topics: whether this token may hear that user's events. */
  mayHear?(grant: TokenGrant, entityId: string): boolean;
}

/** Add a rule here when the sandbox starts publishing another topic. */
const topicRules: TopicRule[] = [
  {
    pattern: /^v2\.workforcemanagement\.businessunits\.([^.]+)\.schedules$/,
    permissions: ['wfm:schedule:view'],
    exists: (org, id) => org.businessUnits.has(id),
    entity: 'business unit',
  },
  {
    // Large agent-schedule query results: only for the token's own user. Genesys is silent on how another
    // user's topic is refused; the sandbox's choice: Rejected, like a missing permission, not a 400.
    pattern: /^v2\.workforcemanagement\.users\.([^.]+)\.schedules\.query$/,
    permissions: ['wfm:schedule:view'],
    exists: (org, id) => org.users.has(id),
    entity: 'user',
    mayHear: (grant, id) => grant.userId === id,
  },
];

/** Genesys caps a channel at 1,000 topics. */
export const maxTopicsPerChannel = 1000;

/** The body of PUT/POST subscriptions: `[{id: topicName}]`. */
export function parseTopicList(body: unknown): string[] {
  if (!Array.isArray(body)) throw badRequest('The request body must be a list of topics: [{"id": "topic"}]');
  return body.map((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === '') {
      throw badRequest(`Topic ${i} has no id`, [{ errorCode: 'invalid.value', fieldName: `[${i}].id` }]);
    }
    return id;
  });
}

/** Permitted or Rejected; a topic that does not exist is a 400 naming it. */
export function checkTopic(org: OrgState, grant: TokenGrant, topicName: string): Models.ChannelTopic {
  for (const rule of topicRules) {
    const m = rule.pattern.exec(topicName);
    if (!m) continue;
    if (!rule.exists(org, m[1]!)) {
      throw badRequest(`Invalid topic ${topicName}: no ${rule.entity} with id ${m[1]}`, [
        { errorCode: 'invalid.topic', fieldName: 'id', entityId: m[1]! },
      ]);
    }
    if (rule.mayHear && !rule.mayHear(grant, m[1]!)) {
      return {
        id: topicName,
        state: 'Rejected',
        rejectionReason: "The topic belongs to another user than the token's",
      };
    }
    const missing = rule.permissions.filter((p) => !grant.permissions.includes(p));
    if (missing.length > 0) {
      return { id: topicName, state: 'Rejected', rejectionReason: 'Missing permissions', missingPermissions: missing };
    }
    return { id: topicName, state: 'Permitted' };
  }
  throw badRequest(`Invalid topic ${topicName}: not a notification topic this org offers`, [
    { errorCode: 'invalid.topic', fieldName: 'id' },
  ]);
}
