/** Who the org and the signed-in user are, and the names behind agent ids. */
import { z } from 'zod';

export const organization = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    thirdPartyOrgName: z.string().optional(),
    domain: z.string().optional(),
  })
  .loose();

export const directoryUser = z
  .object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), state: z.string().optional() })
  .loose();

export const userMe = directoryUser;

export const userEntityListing = z
  .object({
    entities: z.array(directoryUser).default([]),
    pageSize: z.number().int().optional(),
    pageNumber: z.number().int().optional(),
    pageCount: z.number().int().optional(),
    total: z.number().int().optional(),
    nextUri: z.string().optional(),
  })
  .loose();
