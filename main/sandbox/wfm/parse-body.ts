/** Request bodies checked against a schema, failures answered as Genesys does: 400 with details. */
import type { z } from 'zod';
import { badRequest } from '../http/api-error';

export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 20).map((issue) => ({
    errorCode: 'invalid.value',
    fieldName: issue.path.join('.') || 'body',
  }));
  const first = parsed.error.issues[0];
  throw badRequest(
    `Invalid request body: ${first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid'}`,
    details,
  );
}
