/** The Activity log: every request to Genesys Cloud, token requests included. */
import { z } from 'zod';
import type { AuditRow } from '../activity';
import { method } from './define';

export const auditQuery = z
  .object({
    profileId: z.string().max(200).optional(),
    outcome: z.enum(['all', 'ok', 'failed']).optional(),
    /** Matches the path template or the contextId. */
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500),
    offset: z.number().int().min(0),
  })
  .strict();

export type AuditQuery = z.infer<typeof auditQuery>;

export const activityMethods = {
  'activity.list': method(auditQuery).returns<{ rows: AuditRow[]; total: number }>(),
};
