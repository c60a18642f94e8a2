/**
 * What went wrong with a sign-in, said so a supervisor knows the next step.
 * The login host answers OAuth errors as `{error, description}` (RFC 6749
 * §5.2 names the second `error_description`; Genesys sends both).
 */

export type OAuthGrant = 'client_credentials' | 'authorization_code' | 'refresh_token';

export class OAuthError extends Error {
  constructor(
    /** The OAuth error code, e.g. `invalid_client`; `network_error` / `invalid_response` when no usable answer came. */
    readonly error: string,
    /** The login host's own words, or ours when it gave none. */
    readonly description: string,
    /** HTTP status of the answer; null when none arrived. */
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

const adminOAuth = 'Genesys Cloud Admin > OAuth';

/** The sentence that tells the user what to do, per error and grant. */
function nextStep(error: string, grant: OAuthGrant, status: number | null): string {
  if (error === 'invalid_client') {
    return grant === 'client_credentials'
      ? `Check the client id and secret in ${adminOAuth}, and that the profile's region is the org's region.`
      : `Check the client id in ${adminOAuth} and that the profile's region is the org's region.`;
  }
  if (error === 'unauthorized_client') {
    const grantName = grant === 'client_credentials' ? 'Client Credentials' : 'Code Authorization (PKCE)';
    return `In ${adminOAuth}, set this client's grant type to ${grantName}, or use a client that has it.`;
  }
  if (error === 'access_denied') return 'Start the sign-in again from Publish Desk and choose Approve in the browser.';
  if (error === 'invalid_grant') return 'Start the sign-in again from Publish Desk.';
  if (error === 'network_error') return "Check the network connection and the profile's region, then try again.";
  if (status !== null && status >= 500)
    return 'Genesys Cloud is having trouble; try again in a minute (status.mypurecloud.com shows incidents).';
  return `Check the OAuth client in ${adminOAuth}, then try again.`;
}

const summary: Record<string, string> = {
  invalid_client: 'Genesys Cloud did not accept the OAuth client credentials',
  unauthorized_client: 'This OAuth client may not sign in this way',
  access_denied: 'The sign-in was declined in the browser',
  invalid_grant: 'The sign-in code was refused',
  network_error: 'Publish Desk could not reach the Genesys Cloud login host',
  invalid_response: 'The Genesys Cloud login host gave an answer Publish Desk cannot read',
};

/**
 * Builds the error with a complete message. `secrets` are removed from every
 * text the login host sent, because its description is echoed into the UI and logs.
 */
export function oauthError(args: {
  error: string;
  description: string;
  status: number | null;
  grant: OAuthGrant;
  secrets?: string[];
}): OAuthError {
  const clean = redact(args.description, args.secrets ?? []);
  const error = redact(args.error, args.secrets ?? []);
  const what = summary[error] ?? `Genesys Cloud refused the sign-in (${error})`;
  const detail = clean ? ` (${error}: ${clean})` : ` (${error})`;
  const message = `${what}${detail}. ${nextStep(error, args.grant, args.status)}`;
  return new OAuthError(error, clean, args.status, message);
}

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}
