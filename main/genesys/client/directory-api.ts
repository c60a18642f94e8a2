/** The org, the signed-in user, and names for agent ids. */
import type { GenesysHttp } from './http';
import { organization, userEntityListing, userMe, type DirectoryUser } from './schemas';

/** `GET /api/v2/users` filters by at most this many ids per page (the URL stays well under limits). */
export const usersPerRequest = 100;

export function createDirectoryApi(http: GenesysHttp) {
  return {
    getOrganization: () =>
      http.request({ method: 'GET', pathTemplate: '/api/v2/organizations/me', schema: organization }),

    /** Only for a supervisor sign-in: Genesys refuses it (400) for client credentials. */
    getUserMe: () => http.request({ method: 'GET', pathTemplate: '/api/v2/users/me', schema: userMe }),

    /** Names for the given user ids, including inactive ones (agents leave; their shifts stay). */
    async getUsers(ids: readonly string[]): Promise<DirectoryUser[]> {
      const unique = [...new Set(ids)];
      const users: DirectoryUser[] = [];
      for (let i = 0; i < unique.length; i += usersPerRequest) {
        const chunk = unique.slice(i, i + usersPerRequest);
        for (let pageNumber = 1; ; pageNumber++) {
          const page = await http.request({
            method: 'GET',
            pathTemplate: '/api/v2/users',
            query: { id: chunk, pageSize: usersPerRequest, pageNumber, state: 'any' },
            schema: userEntityListing,
          });
          users.push(...page.entities);
          if (page.entities.length === 0 || !page.nextUri || pageNumber >= (page.pageCount ?? pageNumber)) break;
        }
      }
      return users;
    },
  };
}
