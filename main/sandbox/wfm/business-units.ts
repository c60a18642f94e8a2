/** Business units, their management units, activity codes and users. */
import type { Models } from 'purecloud-platform-client-v2';
import type { Route } from '../http/route';
import type { SandboxRuntime } from '../runtime';
import { buSelfUri, managementUnit, userRef, wfmBase } from './convert';
import { findBusinessUnit, findManagementUnit } from './lookup';

const division: Models.DivisionReference = {
  id: 'home-division',
  selfUri: '/api/v2/authorization/divisions/home-division',
};

export function businessUnitRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'GET',
      template: `${wfmBase}/businessunits`,
      auth: 'bearer',
      permission: 'wfm:businessUnit:view',
      handle: () => {
        const body: Models.BusinessUnitListing = {
          entities: [...runtime.org.businessUnits.values()].map((bu) => ({
            id: bu.id,
            name: bu.name,
            authorized: true,
            division,
            selfUri: buSelfUri(bu.id),
          })),
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${wfmBase}/businessunits/{businessUnitId}`,
      auth: 'bearer',
      permission: 'wfm:businessUnit:view',
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const expand = ctx.query.getAll('expand').flatMap((e) => e.split(','));
        const body: Models.BusinessUnitResponse = { id: bu.id, name: bu.name, division, selfUri: buSelfUri(bu.id) };
        if (expand.includes('settings')) {
          body.settings = {
            startDayOfWeek: bu.startDayOfWeek,
            timeZone: bu.timeZone,
            metadata: { version: bu.version },
          };
        }
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${wfmBase}/businessunits/{businessUnitId}/managementunits`,
      auth: 'bearer',
      permission: 'wfm:managementUnit:view',
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const body: Models.ManagementUnitListing = { entities: bu.managementUnits.map(managementUnit) };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${wfmBase}/managementunits/{managementUnitId}`,
      auth: 'bearer',
      permission: 'wfm:managementUnit:view',
      handle: (ctx) => ({
        status: 200,
        body: managementUnit(findManagementUnit(runtime, ctx.params.managementUnitId).mu),
      }),
    },
    {
      method: 'GET',
      template: `${wfmBase}/businessunits/{businessUnitId}/activitycodes`,
      auth: 'bearer',
      permission: 'wfm:activityCode:view',
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const body: Models.BusinessUnitActivityCodeListing = {
          entities: bu.activityCodes.map((c) => ({
            id: c.id,
            name: c.name,
            active: true,
            defaultCode: c.defaultCode,
            category: c.category,
            lengthInMinutes: c.lengthInMinutes,
            countsAsPaidTime: c.countsAsPaidTime,
            countsAsWorkTime: c.countsAsWorkTime,
            agentTimeOffSelectable: c.agentTimeOffSelectable,
            metadata: { version: 1 },
            selfUri: `${buSelfUri(bu.id)}/activitycodes/${c.id}`,
          })),
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${wfmBase}/businessunits/{businessUnitId}/users`,
      auth: 'bearer',
      permission: 'wfm:agent:view',
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const wanted = new Set(
          ctx.query
            .getAll('managementUnitIds')
            .flatMap((v) => v.split(','))
            .filter(Boolean),
        );
        for (const id of wanted) findManagementUnit(runtime, id);
        const units = bu.managementUnits.filter((mu) => wanted.size === 0 || wanted.has(mu.id));
        const users = [...runtime.org.users.values()];
        const body: Models.BuUserListing = {
          managementUnits: units.map((mu) => ({
            managementUnit: { id: mu.id, selfUri: `${wfmBase}/managementunits/${mu.id}` },
            users: users.filter((u) => u.managementUnitId === mu.id).map((u) => userRef(u.id)),
          })),
        };
        return { status: 200, body };
      },
    },
  ];
}
