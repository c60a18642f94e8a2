/**
 * Building blocks shared by the response schemas. Every object is `loose`:
 * Genesys adds fields all the time, and a new field must never break a
 * publish morning. We validate only what the app reads.
 */
import { z } from 'zod';

/** `{id, selfUri?}` references (UserReference, ManagementUnitReference, ...). */
export const entityRef = z.object({ id: z.string(), selfUri: z.string().optional() }).loose();

/** WfmVersionedEntityMetadata: the version every WFM write is checked against. */
export const versionedMetadata = z
  .object({
    version: z.number().int(),
    dateModified: z.string().optional(),
    modifiedBy: z.object({ id: z.string().optional() }).loose().optional(),
    dateCreated: z.string().optional(),
  })
  .loose();

export const errorDetail = z
  .object({
    errorCode: z.string().optional(),
    fieldName: z.string().optional(),
    entityId: z.string().optional(),
    entityName: z.string().optional(),
  })
  .loose();

/** ErrorBody: what every Genesys Cloud failure answers with. */
export const errorBody = z
  .object({
    message: z.string().optional(),
    code: z.string().optional(),
    status: z.number().optional(),
    messageWithParams: z.string().optional(),
    messageParams: z.record(z.string(), z.string()).optional(),
    contextId: z.string().optional(),
    entityId: z.string().optional(),
    details: z.array(errorDetail).optional(),
    limit: z
      .object({ key: z.string().optional(), namespace: z.string().optional(), value: z.number().optional() })
      .loose()
      .optional(),
  })
  .loose();

export type ErrorBody = z.infer<typeof errorBody>;
export type VersionedMetadata = z.infer<typeof versionedMetadata>;
