import { createGenesysHttp } from '../../genesys/client/http';
import { organization, userMe } from '../../genesys/client/schemas-directory';
import type { AuditSink } from '../../genesys/types';
import type { OrgReaderFactory } from './org-reader';

/** Reads the org and the signed-in person through the audited, validated client. */
export function genesysOrgReader(audit: AuditSink): OrgReaderFactory {
  return (profileId, env, tokens) => {
    const http = createGenesysHttp({ env, tokens, audit, profileId });
    return {
      organizationName: async () =>
        (await http.request({ method: 'GET', pathTemplate: '/api/v2/organizations/me', schema: organization })).name ??
        'Unnamed org',
      userName: async () => {
        const me = await http.request({ method: 'GET', pathTemplate: '/api/v2/users/me', schema: userMe });
        return me.name ?? me.email ?? me.id ?? 'Signed-in user';
      },
    };
  };
}
