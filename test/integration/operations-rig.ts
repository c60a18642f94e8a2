/**
 * What the operation-outcome tests share: a sandbox, the app's client with
 * its notifications, the same org through a client with a fake notification
 * source, and plans built by the one upload builder.
 */
import type { AgentWeek, AgentWeekPlan } from '../../shared/publish/upload-builder';
import { agentWeekMatches } from '../../shared/publish/upload-builder';
import { createGenesysApi, deafOperations, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import type { OperationEvents, OperationFinished } from '../../main/genesys/client/operation-events';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import type { AgentSchedule } from '../../main/genesys/client/schemas';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

const now = new Date('2026-11-23T12:00:00Z');

export interface Rig {
  sandbox: RunningSandbox;
  api: GenesysApi;
  notifications: NotificationsClient;
  /** The same org through a client with its own (fake) notification source. */
  apiHearing(events: OperationEvents): GenesysApi;
  close(): Promise<void>;
}

export async function rig(options: SandboxOptions): Promise<Rig> {
  const sandbox = await startSandbox({
    agents: 60,
    weeks: 2,
    operationDelayMs: 10,
    rateLimitPerMinute: 10_000,
    now: () => now,
    ...options,
  });
  let token: string | null = null;
  const http = createGenesysHttp({
    env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
    tokens: {
      getAccessToken: async () => (token ??= await clientCredentialsToken(sandbox)),
      invalidate: () => (token = null),
    },
    audit: { record: () => {} },
    profileId: 'sandbox',
    sleep: async () => {},
  });
  const notifications = createNotificationsClient({ http, heartbeatTimeoutMs: 60_000, reconnectDelayMs: 50 });
  const fast = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20))) };
  return {
    sandbox,
    api: createGenesysApi(http, { operations: notifications, queryTimeoutMs: 5_000 }),
    notifications,
    apiHearing: (events) => createGenesysApi(http, { operations: events, queryTimeoutMs: 5_000, writes: fast }),
    close: async () => {
      notifications.close();
      await sandbox.close();
    },
  };
}

/** A notification source that hears the BU topic and ends every wait with `ending` (null: nothing comes). */
export function fakeSource(
  ending: (operationId: string) => Omit<OperationFinished, 'operationId'> | null,
): OperationEvents {
  return {
    ...deafOperations,
    watchBusinessUnit: async () => {},
    waitFor: async (_bu, operationId) => {
      const event = ending(operationId);
      return event ? { ...event, operationId } : null;
    },
  };
}

export const draftOf = (r: Rig) => r.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
export const asWeek = (a: AgentSchedule): AgentWeek => ({
  shifts: a.shifts,
  fullDayTimeOffMarkers: a.fullDayTimeOffMarkers,
});

/** One agent of the draft with shifts, and a plan that lengthens its first shift by 30 minutes. */
export async function lengthenFirstShift(
  r: Rig,
): Promise<{ plan: AgentWeekPlan; managementUnitId: string; version: number }> {
  const w = draftOf(r);
  const bu = r.sandbox.businessUnitId;
  const header = await r.api.getSchedule(bu, w.weekDate, w.scheduleId, { expandAgents: true });
  const mu = header.managementUnits[0]!;
  const read = await r.api.queryAgentSchedules(bu, w.weekDate, w.scheduleId, {
    managementUnitId: mu.managementUnit.id,
    userIds: mu.agents!.map((a) => a.id),
  });
  const agent = read.agentSchedules.find((a) => a.shifts.length > 0)!;
  const intended = structuredClone(asWeek(agent));
  const first = intended.shifts[0]!;
  intended.shifts = [
    { ...first, lengthMinutes: first.lengthMinutes + 30, manuallyEdited: true },
    ...intended.shifts.slice(1),
  ];
  return {
    plan: { userId: agent.user.id, current: { ...asWeek(agent), version: agent.metadata.version }, intended },
    managementUnitId: mu.managementUnit.id,
    version: header.metadata.version,
  };
}

/** The content check: read the planned agents back and compare with what they should be. */
export const contentOf = (r: Rig, managementUnitId: string, plans: AgentWeekPlan[]) => async () => {
  const w = draftOf(r);
  const read = await r.api.queryAgentSchedules(r.sandbox.businessUnitId, w.weekDate, w.scheduleId, {
    managementUnitId,
    userIds: plans.map((p) => p.userId),
  });
  return plans.every((p) => {
    const there = read.agentSchedules.find((a) => a.user.id === p.userId);
    return there !== undefined && agentWeekMatches(asWeek(there), p.intended);
  });
};
