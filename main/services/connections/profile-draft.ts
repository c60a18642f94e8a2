/** Turns what the Connections form sent into a profile to save, or says in words what to fix. */
import { randomUUID } from 'node:crypto';
import type { ConnectionDraft, ConnectionProfile } from '../../../shared/connections';
import { badInput } from '../../../shared/ops-error';
import { environmentFor, findRegion } from '../../genesys/regions';
import type { ProfileRepository } from '../../mirror/connection-profiles';
import { sandboxProfileId } from './sandbox-launcher';

export function profileFromDraft(
  draft: ConnectionDraft,
  ctx: { profiles: ProfileRepository; existing: ConnectionProfile | null; secretKnown: boolean; stamp: string },
): ConnectionProfile {
  if (draft.id === sandboxProfileId) throw badInput('The built-in Sandbox org connection cannot be edited.');
  const { existing } = ctx;
  const clash = ctx.profiles.findByName(draft.name);
  if (clash && clash.id !== existing?.id)
    throw badInput(`A connection named "${draft.name}" already exists. Choose another name.`);
  if (draft.kind === 'region' && !findRegion(draft.region ?? ''))
    throw badInput(`"${draft.region}" is not a Genesys Cloud region. Pick one from the list.`);
  if (draft.kind === 'custom') environmentFor({ baseUrl: draft.baseUrl ?? '' });
  const needsSecret = draft.grantType === 'client_credentials' && !draft.clientSecret && !(existing && ctx.secretKnown);
  if (needsSecret)
    throw badInput('Enter the client secret: client-credentials connections need it (Genesys Cloud Admin > OAuth).');
  return {
    id: existing?.id ?? randomUUID(),
    name: draft.name.trim(),
    kind: draft.kind,
    region: draft.kind === 'region' ? (findRegion(draft.region!)?.id ?? draft.region!) : null,
    baseUrl: draft.kind === 'custom' ? draft.baseUrl!.replace(/\/+$/, '') : null,
    grantType: draft.grantType,
    clientId: draft.clientId.trim(),
    createdAt: existing?.createdAt ?? ctx.stamp,
    updatedAt: ctx.stamp,
  };
}

/** Did the change point the profile somewhere else? Then its tokens must not be used again. */
export function profileMoved(before: ConnectionProfile, after: ConnectionProfile): boolean {
  return (
    before.region !== after.region ||
    before.baseUrl !== after.baseUrl ||
    before.clientId !== after.clientId ||
    before.grantType !== after.grantType
  );
}
