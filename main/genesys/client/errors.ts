/**
 * One error type for everything the Genesys Cloud client can run into, with
 * a `kind` the publish engine branches on and a message a supervisor can act
 * on at 06:00 on publish morning. The `contextId` is always carried (and
 * shown): it is what Genesys support asks for.
 */

export type GenesysErrorKind =
  | 'versionConflict'
  | 'rateLimited'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'invalid'
  | 'server'
  | 'ambiguous'
  | 'malformed';

/** One entry of `ErrorBody.details`: which field or entity the server objected to. */
export interface GenesysErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export interface GenesysErrorInit {
  kind: GenesysErrorKind;
  status: number | null;
  contextId: string | null;
  code: string | null;
  details?: GenesysErrorDetail[];
  retryAfterMs?: number;
  missingPermission?: string;
  /** What was being done, e.g. `POST /api/v2/.../schedules/{scheduleId}/update`. */
  method: string;
  pathTemplate: string;
  /** Whether the request could have changed something: decides the advice for 5xx and timeouts. */
  isWrite: boolean;
  /** The server's own words (`ErrorBody.message`), or the transport failure, or the zod complaint. */
  serverMessage?: string;
  /** Replaces the generated explanation when the caller knows better (still gets the contextId). */
  explanation?: string;
}

export class GenesysError extends Error {
  readonly kind: GenesysErrorKind;
  readonly status: number | null;
  readonly contextId: string | null;
  readonly code: string | null;
  readonly details: GenesysErrorDetail[];
  readonly retryAfterMs?: number;
  readonly missingPermission?: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly isWrite: boolean;
  readonly serverMessage?: string;

  constructor(init: GenesysErrorInit) {
    super(withContextId(init.explanation ?? explain(init), init.contextId));
    this.name = 'GenesysError';
    this.kind = init.kind;
    this.status = init.status;
    this.contextId = init.contextId;
    this.code = init.code;
    this.details = init.details ?? [];
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.missingPermission !== undefined) this.missingPermission = init.missingPermission;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.isWrite = init.isWrite;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
  }
}

export function isGenesysError(err: unknown, kind?: GenesysErrorKind): err is GenesysError {
  return err instanceof GenesysError && (kind === undefined || err.kind === kind);
}

function withContextId(message: string, contextId: string | null): string {
  return contextId ? `${message} (Genesys context ID: ${contextId})` : message;
}

function detailList(details: GenesysErrorDetail[] | undefined): string {
  const parts = (details ?? [])
    .map((d) => [d.fieldName, d.errorCode, d.entityId].filter(Boolean).join(' '))
    .filter(Boolean);
  if (parts.length === 0) return '';
  const shown = parts.slice(0, 5).join('; ');
  return parts.length > 5 ? ` Problems: ${shown}; and ${parts.length - 5} more.` : ` Problems: ${shown}.`;
}

const quote = (s: string | undefined) => (s ? ` Genesys said: "${s}".` : '');

/** What happened and what to do next, in the supervisor's words. */
function explain(e: GenesysErrorInit): string {
  const what = `${e.method} ${e.pathTemplate}`;
  switch (e.kind) {
    case 'versionConflict':
      return `Someone else saved this schedule after you loaded it, so Genesys Cloud refused the change and nothing was written.${quote(e.serverMessage)} Re-read the schedule, re-apply your edits on top of it, and try again.`;
    case 'rateLimited': {
      const wait = e.retryAfterMs !== undefined ? `Wait ${Math.ceil(e.retryAfterMs / 1000)} s` : 'Wait a minute';
      return `Genesys Cloud is limiting how fast this app may call it (too many requests for ${what}). ${wait} and try again; nothing was changed by this request.`;
    }
    case 'unauthorized':
      return 'The Genesys Cloud session has expired or was revoked. Sign in again to continue.';
    case 'forbidden':
      if (e.pathTemplate.startsWith('{signed')) {
        return 'The temporary Genesys storage link was refused (it expired or was already used). Run the request again to get a new one.';
      }
      return e.missingPermission
        ? `Your Genesys Cloud role is missing the permission ${e.missingPermission}, needed for ${what}. Ask a Genesys Cloud admin to add it to your role, then sign in again.`
        : `Genesys Cloud does not allow your role to do ${what}.${quote(e.serverMessage)} Ask a Genesys Cloud admin to check your role and divisions.`;
    case 'notFound':
      return `Genesys Cloud could not find what ${what} refers to: it may have been deleted, or it is in a division you cannot see. Refresh the list and pick it again.`;
    case 'invalid':
      return `Genesys Cloud rejected ${what} as invalid.${quote(e.serverMessage)}${detailList(e.details)} Correct these and try again.`;
    case 'server':
      return e.isWrite
        ? `Genesys Cloud had a server error (${e.status ?? 'no status'}) on ${what}. The change may or may not have been applied: re-read the schedule before trying again.`
        : `Genesys Cloud had a server error (${e.status ?? 'no status'}) on ${what}. Try again in a moment; if it keeps happening, check the Genesys Cloud status page.`;
    case 'ambiguous':
      return e.isWrite
        ? `No answer came from Genesys Cloud for ${what} (${e.serverMessage ?? 'connection lost'}). The change may or may not have been applied: re-read the schedule before trying again, never resend blindly.`
        : `No answer came from Genesys Cloud for ${what} (${e.serverMessage ?? 'connection lost'}). Check the network connection and try again.`;
    case 'malformed':
      return `Genesys Cloud answered ${what} with data this app does not understand (${e.serverMessage ?? 'unexpected shape'}). Nothing was changed by reading it; report this together with the context ID.`;
  }
}
