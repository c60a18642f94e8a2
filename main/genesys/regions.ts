/**
 * Genesys Cloud regions, as the login screen's region picker lists them.
 * Hosts come from Genesys's own service-discovery package so a new region
 * arrives with a package update; only the friendly labels live here, keyed by
 * the AWS region each deployment reports.
 */
import { getEnvironments, type Environment } from 'genesys-cloud-service-discovery-web';
import type { GenesysEnvironment } from './types';
import { badInput } from '../../shared/ops-error';

export interface GenesysRegion {
  /** The region's public domain, e.g. `mypurecloud.com.au`: what a profile stores. */
  id: string;
  /** What a supervisor recognises, e.g. `Asia Pacific (Sydney)`. */
  name: string;
  apiBase: string;
  loginBase: string;
}

// The names Genesys uses in its region docs and org settings.
const friendlyNames: Record<string, string> = {
  'us-east-1': 'Americas (US East)',
  'us-east-2': 'Americas (US East 2)',
  'us-west-2': 'Americas (US West)',
  'ca-central-1': 'Americas (Canada)',
  'sa-east-1': 'Americas (São Paulo)',
  'mx-central-1': 'Americas (Mexico)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'eu-central-1': 'EMEA (Frankfurt)',
  'eu-central-2': 'EMEA (Zurich)',
  'eu-west-1': 'EMEA (Dublin)',
  'eu-west-2': 'EMEA (London)',
  'me-central-1': 'EMEA (UAE)',
};

const envSuffix: Partial<Record<Environment['env'], string>> = { fedramp: ' – FedRAMP', eusc: ' – EU Sovereign Cloud' };

function regionOf(deployment: Environment): GenesysRegion {
  // A region the label table does not know yet still shows, by its AWS code.
  const base = friendlyNames[deployment.region] ?? deployment.region;
  const id = deployment.publicDomainName;
  return {
    id,
    name: `${base}${envSuffix[deployment.env] ?? ''}`,
    apiBase: `https://api.${id}`,
    loginBase: `https://login.${id}`,
  };
}

/** Stable, public deployments only (the package's default filter), sorted by name for the picker. */
export const genesysRegions: readonly GenesysRegion[] = Object.freeze(
  getEnvironments()
    .map(regionOf)
    .sort((a, b) => a.name.localeCompare(b.name)),
);

/** By id (`mypurecloud.com.au`) or by one of the deployment's domain aliases. */
export function findRegion(id: string): GenesysRegion | undefined {
  const wanted = id.trim().toLowerCase();
  const direct = genesysRegions.find((r) => r.id === wanted);
  if (direct) return direct;
  const deployment = getEnvironments().find((e) => e.publicDomainAliases.includes(wanted));
  return deployment ? regionOf(deployment) : undefined;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The hosts a connection profile talks to. A custom base URL (the sandbox org)
 * serves both the login and the API paths. Plain http is accepted only on
 * loopback, so a typo can never send a secret across a network unencrypted.
 */
export function environmentFor(profile: { region?: string; baseUrl?: string }): GenesysEnvironment {
  if (profile.baseUrl) {
    let url: URL;
    try {
      url = new URL(profile.baseUrl);
    } catch {
      throw badInput(
        `The base URL "${profile.baseUrl}" is not a valid address. Use e.g. http://127.0.0.1:4010 for the sandbox org.`,
      );
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
    if (!secure)
      throw badInput(
        `The base URL ${url.origin} must use https (plain http is only allowed on this computer, 127.0.0.1).`,
      );
    const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    return { apiBase: base, loginBase: base };
  }
  if (profile.region) {
    const region = findRegion(profile.region);
    if (!region)
      throw badInput(
        `Unknown Genesys Cloud region "${profile.region}". Pick the region of your org in the profile settings.`,
      );
    return { apiBase: region.apiBase, loginBase: region.loginBase };
  }
  throw badInput('The profile has neither a region nor a base URL. Pick the region of your Genesys Cloud org.');
}
