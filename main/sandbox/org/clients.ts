/**
 * The sandbox org's OAuth clients. Ids and secrets derive from the seed
 * alone, so the CLI can print them without generating the whole org.
 */
import { createRng, type Rng } from '../random';
import type { SandboxClient } from './model';

/** Every permission the sandbox checks; the main clients hold them all. */
export const allPermissions: readonly string[] = [
  'wfm:businessUnit:view',
  'wfm:managementUnit:view',
  'wfm:activityCode:view',
  'wfm:agent:view',
  'wfm:schedule:view',
  'wfm:schedule:add',
  'wfm:schedule:edit',
  'wfm:schedule:publish',
  'wfm:timeOffRequest:view',
  'wfm:shortTermForecast:view',
  'directory:user:view',
  'analytics:conversationDetail:view',
];

const secretAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Genesys client secrets are 43 URL-safe characters. */
function secretFrom(rng: Rng): string {
  return Array.from({ length: 43 }, () => secretAlphabet[rng.int(0, secretAlphabet.length - 1)]).join('');
}

function credentialsFor(seed: number, label: string): { clientId: string; clientSecret: string } {
  const rng = createRng(seed).fork(`client:${label}`);
  return { clientId: rng.uuid(), clientSecret: secretFrom(rng) };
}

/** The main client-credentials client, as the CLI prints it. */
export function sandboxCredentials(seed: number): { clientId: string; clientSecret: string } {
  return credentialsFor(seed, 'publish-desk');
}

export function buildClients(seed: number, supervisorUserId: string): Map<string, SandboxClient> {
  const readOnly = credentialsFor(seed, 'read-only');
  const clients: SandboxClient[] = [
    {
      ...sandboxCredentials(seed),
      name: 'Publish Desk sandbox',
      permissions: [...allPermissions],
      grantTypes: ['client_credentials'],
    },
    {
      ...readOnly,
      name: 'Read-only analyst',
      // An analyst may look but not add, change or publish: exercises the 403 path.
      permissions: allPermissions.filter(
        (p) => !['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:publish'].includes(p),
      ),
      grantTypes: ['client_credentials'],
    },
    {
      // A public PKCE client has no secret; the code verifier stands in for it.
      clientId: credentialsFor(seed, 'supervisor-sign-in').clientId,
      clientSecret: '',
      name: 'Publish Desk supervisor sign-in',
      permissions: [...allPermissions],
      grantTypes: ['authorization_code'],
      userId: supervisorUserId,
    },
  ];
  return new Map(clients.map((c) => [c.clientId, c]));
}
