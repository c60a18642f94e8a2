/** `publish-desk profile add|list|remove`. */
import type { ConnectionStatus } from '../../../shared/connections';
import type { CliContext } from '../context';
import { UsageError } from '../exit-codes';

export interface ProfileFlags {
  name?: string;
  region?: string;
  'base-url'?: string;
  'client-id'?: string;
  grant?: string;
}

export async function profileCommand(ctx: CliContext, action: string | undefined, flags: ProfileFlags): Promise<void> {
  if (action === 'list') return listProfiles(ctx);
  if (action === 'add') return addProfile(ctx, flags);
  if (action === 'remove') return removeProfile(ctx, flags);
  throw new UsageError('Use: publish-desk profile add|list|remove');
}

async function listProfiles(ctx: CliContext): Promise<void> {
  const profiles = await ctx.call('connections.list', {});
  if (ctx.json) return ctx.out(JSON.stringify(profiles.map(publicFields)));
  for (const p of profiles) ctx.out(`${p.name}\t${where(p)}\t${p.grantType}\t${p.clientId}`);
}

async function addProfile(ctx: CliContext, flags: ProfileFlags): Promise<void> {
  if (!flags.name) throw new UsageError('profile add needs --name');
  if (!flags['client-id']) throw new UsageError('profile add needs --client-id');
  if (!!flags.region === !!flags['base-url'])
    throw new UsageError('profile add needs exactly one of --region or --base-url');
  const grantType = (flags.grant ?? 'client_credentials') as 'client_credentials' | 'authorization_code';
  if (grantType !== 'client_credentials' && grantType !== 'authorization_code') {
    throw new UsageError('--grant must be client_credentials or authorization_code');
  }
  let clientSecret: string | undefined;
  if (grantType === 'client_credentials') {
    // Never a flag: other processes can read a command line.
    clientSecret = ctx.env.PUBLISH_DESK_CLIENT_SECRET || (await ctx.promptSecret('Client secret: ')) || undefined;
    if (!clientSecret)
      throw new UsageError('Set PUBLISH_DESK_CLIENT_SECRET, or run in a terminal to be asked for the client secret');
  }
  const saved = await ctx.call('connections.save', {
    name: flags.name,
    kind: flags.region ? 'region' : 'custom',
    ...(flags.region ? { region: flags.region } : { baseUrl: flags['base-url']! }),
    grantType,
    clientId: flags['client-id'],
    ...(clientSecret ? { clientSecret } : {}),
  });
  const vault = await ctx.call('connections.vault', {});
  if (ctx.json) return ctx.out(JSON.stringify({ ...publicFields(saved), secretKept: vault.persistent }));
  ctx.out(`Added connection "${saved.name}" (${where(saved)}).`);
  if (clientSecret && !vault.persistent) {
    ctx.out(
      'The secret was not stored: set PUBLISH_DESK_VAULT_PASSPHRASE to keep it encrypted, or pass PUBLISH_DESK_CLIENT_SECRET to each sync.',
    );
  }
}

async function removeProfile(ctx: CliContext, flags: ProfileFlags): Promise<void> {
  if (!flags.name) throw new UsageError('profile remove needs --name');
  const profile = await findProfile(ctx, flags.name);
  await ctx.call('connections.remove', { id: profile.id });
  if (ctx.json) return ctx.out(JSON.stringify({ removed: profile.name }));
  ctx.out(`Removed connection "${profile.name}".`);
}

export async function findProfile(ctx: CliContext, name: string): Promise<ConnectionStatus> {
  const profiles = await ctx.call('connections.list', {});
  const found = profiles.find((p) => p.name.toLowerCase() === name.toLowerCase() || p.id === name);
  if (!found) throw new UsageError(`No connection named "${name}". Known: ${profiles.map((p) => p.name).join(', ')}`);
  return found;
}

function where(p: ConnectionStatus): string {
  return p.kind === 'sandbox' ? 'built-in sandbox' : p.kind === 'region' ? (p.region ?? '') : (p.baseUrl ?? '');
}

function publicFields(p: ConnectionStatus) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    region: p.region,
    baseUrl: p.baseUrl,
    grantType: p.grantType,
    clientId: p.clientId,
  };
}
