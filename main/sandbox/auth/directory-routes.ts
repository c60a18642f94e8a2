/**
 * Who am I and who are they: `/organizations/me`, `/users/me` and the user
 * directory the console uses to put names on agent ids.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { ApiError, badRequest, notFound } from '../http/api-error';
import type { Route } from '../http/route';
import type { SandboxUser } from '../org/model';
import type { SandboxRuntime } from '../runtime';

const maxUserPageSize = 500;

export function userEntity(user: SandboxUser): Models.User {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.email,
    state: 'active',
    version: 1,
    selfUri: `/api/v2/users/${user.id}`,
  };
}

function positiveInt(raw: string | null, fallback: number, field: string): number {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw badRequest(`${field} must be a positive integer`, [{ errorCode: 'invalid.value', fieldName: field }]);
  }
  return n;
}

export function directoryRoutes(runtime: SandboxRuntime): Route[] {
  const { org } = runtime;
  return [
    {
      method: 'GET',
      template: '/api/v2/organizations/me',
      auth: 'bearer',
      handle: () => {
        const body: Models.Organization = {
          id: org.id,
          name: org.name,
          thirdPartyOrgName: org.thirdPartyOrgName,
          defaultLanguage: 'en-us',
          defaultCountryCode: 'US',
          domain: org.thirdPartyOrgName,
          version: 1,
          state: 'active',
          voicemailEnabled: true,
          productPlatform: 'PureCloud',
          selfUri: `/api/v2/organizations/${org.id}`,
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: '/api/v2/users/me',
      auth: 'bearer',
      handle: ({ grant }) => {
        // Genesys refuses /users/me for client credentials: such a token has no user behind it.
        if (!grant?.userId) {
          throw new ApiError(
            400,
            'bad.request',
            'This request requires a user context. Client credentials cannot be used for requests to this resource.',
          );
        }
        const user = org.users.get(grant.userId);
        if (!user) throw notFound('user', grant.userId);
        const body: Models.UserMe = { ...userEntity(user) };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: '/api/v2/users',
      auth: 'bearer',
      permission: 'directory:user:view',
      handle: ({ query }) => {
        const pageSize = positiveInt(query.get('pageSize'), 25, 'pageSize');
        const pageNumber = positiveInt(query.get('pageNumber'), 1, 'pageNumber');
        if (pageSize > maxUserPageSize) {
          throw badRequest(`pageSize must be at most ${maxUserPageSize}`, [
            { errorCode: 'invalid.value', fieldName: 'pageSize' },
          ]);
        }
        // `id` is a repeated parameter in the SDK (collectionFormat multi); a comma list is tolerated too.
        const ids = new Set(
          query
            .getAll('id')
            .flatMap((v) => v.split(','))
            .filter(Boolean),
        );
        const state = query.get('state') ?? 'active';
        const descending = (query.get('sortOrder') ?? 'ASC').toUpperCase() === 'DESC';
        let users = [...org.users.values()].filter((u) => ids.size === 0 || ids.has(u.id));
        // Every sandbox user is active; asking for inactive or deleted ones finds none.
        if (state !== 'active' && state !== 'any') users = [];
        users.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
        if (descending) users.reverse();
        const total = users.length;
        const pageCount = Math.ceil(total / pageSize);
        const pageUri = (n: number) => `/api/v2/users?pageSize=${pageSize}&pageNumber=${n}`;
        const body: Models.UserEntityListing = {
          entities: users.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(userEntity),
          pageSize,
          pageNumber,
          total,
          pageCount,
          firstUri: pageUri(1),
          selfUri: pageUri(pageNumber),
          lastUri: pageUri(Math.max(1, pageCount)),
        };
        if (pageNumber < pageCount) body.nextUri = pageUri(pageNumber + 1);
        if (pageNumber > 1) body.previousUri = pageUri(pageNumber - 1);
        return { status: 200, body };
      },
    },
  ];
}
