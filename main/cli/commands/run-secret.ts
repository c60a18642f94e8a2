/**
 * A client secret given for this run (PUBLISH_DESK_CLIENT_SECRET), and a sign-in with it: every command that
 * calls Genesys needs it when the vault does not keep the secret between runs (no passphrase), not only sync.
 */
import type { ConnectionStatus } from '../../../shared/connections';
import type { CliContext } from '../context';

export async function signInForRun(ctx: CliContext, profile: ConnectionStatus): Promise<void> {
  const secret = ctx.env.PUBLISH_DESK_CLIENT_SECRET;
  if (profile.grantType === 'client_credentials' && profile.kind !== 'sandbox' && secret) {
    const { kind, region, baseUrl, grantType, clientId, name, id } = profile;
    await ctx.call('connections.save', {
      id,
      name,
      kind: kind === 'region' ? 'region' : 'custom',
      ...(kind === 'region' ? { region: region! } : { baseUrl: baseUrl! }),
      grantType,
      clientId,
      clientSecret: secret,
    });
  }
  if (profile.state !== 'signedIn' || secret) await ctx.call('connections.signIn', { id: profile.id });
}
