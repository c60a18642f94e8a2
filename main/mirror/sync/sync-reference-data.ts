/**
 * Step 1 of a sync: the business unit (with its settings: zone and start
 * day), its management units, activity codes and agents with their names.
 */
import type { SyncContext } from './sync-context';

/** Names change rarely; a resync within a day does not ask /users again (5,000 agents are 50 requests). */
const nameMaxAgeMs = 24 * 3_600_000;

export interface BusinessUnitSettings {
  timeZone: string;
  startDayOfWeek: string;
}

export async function syncReferenceData(ctx: SyncContext): Promise<BusinessUnitSettings> {
  const { api, businessUnitId, stores } = ctx;
  const total = 4;
  ctx.progress({ phase: 'businessUnit', done: 0, total, item: 'Business unit' });
  const unit = await api.getBusinessUnit(businessUnitId, { expandSettings: true });
  if (!unit.settings)
    throw new Error(
      `Genesys Cloud sent business unit ${businessUnitId} without its settings (time zone, start day): it cannot be mirrored.`,
    );
  const settings = { timeZone: unit.settings.timeZone, startDayOfWeek: unit.settings.startDayOfWeek };
  ctx.checkpoint();
  stores.businessUnits.saveBusinessUnit({
    profileId: ctx.profileId,
    id: businessUnitId,
    name: unit.name ?? businessUnitId,
    ...settings,
    fetchedAt: ctx.now().toISOString(),
  });
  ctx.changed.add('business_units');
  ctx.progress({ phase: 'businessUnit', done: 1, total, item: 'Management units' });

  const units = await api.getManagementUnits(businessUnitId);
  ctx.checkpoint();
  const records = units.map((u) => ({ id: u.id, name: u.name ?? u.id, timeZone: u.timeZone ?? null }));
  stores.businessUnits.replaceManagementUnits(businessUnitId, records, ctx.now().toISOString());
  for (const u of records) ctx.unitNames.set(u.id, u.name);
  ctx.changed.add('management_units');
  ctx.progress({ phase: 'businessUnit', done: 2, total, item: 'Activity codes' });

  const codes = await api.getActivityCodes(businessUnitId);
  ctx.checkpoint();
  stores.businessUnits.replaceActivityCodes(
    businessUnitId,
    codes.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      category: c.category ?? null,
      paid: c.countsAsPaidTime ?? null,
    })),
    ctx.now().toISOString(),
  );
  ctx.changed.add('activity_codes');
  ctx.progress({ phase: 'businessUnit', done: 3, total, item: 'Agents' });

  await syncAgents(ctx);
  ctx.progress({ phase: 'businessUnit', done: 4, total });
  return settings;
}

async function syncAgents(ctx: SyncContext): Promise<void> {
  const { api, businessUnitId, stores } = ctx;
  const members = (await api.getBusinessUnitUsers(businessUnitId)).flatMap((m) =>
    m.users.map((u) => ({ id: u.id, managementUnitId: m.managementUnit.id })),
  );
  ctx.checkpoint();
  const fetchedSince = new Date(ctx.now().getTime() - nameMaxAgeMs).toISOString();
  const unnamed = stores.businessUnits.agentsNeedingNames(
    businessUnitId,
    members.map((m) => m.id),
    fetchedSince,
  );
  await nameAgents(ctx, unnamed, new Map(members.map((m) => [m.id, m.managementUnitId])));
  stores.businessUnits.assignAgents(businessUnitId, members);
  ctx.changed.add('agents');
}

/** Agents met in a schedule but never named (moved in, or left the BU): named once, so the timeline can show them. */
export async function nameUnknownAgents(
  ctx: SyncContext,
  agents: ReadonlyArray<{ id: string; managementUnitId: string }>,
): Promise<void> {
  const unknown = ctx.stores.businessUnits.unknownAgents(agents.map((a) => a.id));
  if (unknown.length > 0) await nameAgents(ctx, unknown, new Map(agents.map((a) => [a.id, a.managementUnitId])));
}

async function nameAgents(
  ctx: SyncContext,
  ids: readonly string[],
  unitOf: ReadonlyMap<string, string>,
): Promise<void> {
  if (ids.length === 0) return;
  const users = new Map((await ctx.api.getUsers(ids)).map((u) => [u.id, u]));
  ctx.checkpoint();
  // A user /users no longer returns (deleted) keeps its id as its name: its shifts must still show.
  const agents = ids.map((id) => ({
    id,
    managementUnitId: unitOf.get(id) ?? null,
    name: users.get(id)?.name ?? id,
    email: users.get(id)?.email ?? null,
  }));
  ctx.stores.businessUnits.saveAgents(ctx.businessUnitId, agents, ctx.now().toISOString());
  ctx.changed.add('agents');
}
