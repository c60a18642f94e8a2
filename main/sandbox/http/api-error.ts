/**
 * Errors the sandbox answers with, in Genesys Cloud's `ErrorBody` shape.
 * Handlers throw `ApiError`; the server turns it into the response.
 */
import type { Models } from 'purecloud-platform-client-v2';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      details?: Models.Detail[];
      messageWithParams?: string;
      messageParams?: Record<string, string>;
      headers?: Record<string, string>;
      limit?: Models.Limit;
      entityId?: string;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(err: ApiError, contextId: string): Models.ErrorBody {
  const body: Models.ErrorBody = {
    message: err.message,
    code: err.code,
    status: err.status,
    messageWithParams: err.extra.messageWithParams ?? err.message,
    messageParams: err.extra.messageParams ?? {},
    contextId,
    details: err.extra.details ?? [],
    errors: [],
  };
  if (err.extra.limit) body.limit = err.extra.limit;
  if (err.extra.entityId) body.entityId = err.extra.entityId;
  return body;
}

export const notFound = (what: string, id?: string) =>
  new ApiError(404, 'not.found', `The requested ${what} was not found`, id ? { entityId: id } : {});

export const badRequest = (message: string, details: Models.Detail[] = []) =>
  new ApiError(400, 'bad.request', message, { details });

/** A path or query value that is not a valid yyyy-MM-dd date. */
export function requireIsoDate(value: string | undefined | null, field: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badRequest(`${field} must be a date in yyyy-MM-dd format`, [{ errorCode: 'invalid.date', fieldName: field }]);
  }
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) {
    throw badRequest(`${field} is not a real calendar date: ${value}`, [
      { errorCode: 'invalid.date', fieldName: field },
    ]);
  }
  return value;
}
