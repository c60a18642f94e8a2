/**
 * Test support: a pure, seeded imitation of Genesys' schedule update for the
 * publish machine's tests (not used by the app). It keeps one schedule's
 * agents with their versions, applies uploads as the documented patch, and
 * misbehaves by seed: other editors save first (409, or the 400 "does not
 * match the current version"), 429 with `Retry-After`, 5xx after the write
 * applied, lost notifications, an operation ending `Error` when someone saved
 * after it was accepted, and agents locked by script sessions.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { AgentWeek, WeekShift } from './agent-week';
import type { HttpOutcome, PublishEvent } from './machine-events';
import type { PublishEffect } from './machine-effects';
import type { PublishState } from './machine-state';
import { uploadFor } from './machine-plan';
import type { SeededRandom } from './seeded-random';

export interface SimFaults {
  competingSave: number;
  rateLimited: number;
  serverErrorAfterApply: number;
  lostNotification: number;
  saveAfterAccept: number;
}

export interface SimServer {
  version: number;
  published: boolean;
  agents: Map<string, { week: AgentWeek; version: number }>;
  busy: Set<string>;
  /** Every competing edit: agent, shift id, the activity code it set. */
  theirEdits: Array<{ agentId: string; shiftId: string; code: string }>;
  /** Attempts whose update was received, and how many writes were applied. */
  received: number[];
  applied: number;
  nextId: number;
  /** The upload body of the current attempt, as the engine would build it at `requestUploadUrl`. */
  body: Models.UpdateScheduleUploadSchema | null;
  accepted: { upload: Models.UpdateScheduleUploadSchema; version: number } | null;
}

const ok = (server: SimServer, at: number): HttpOutcome => ({
  status: 200,
  contextId: `ctx-${at}`,
  rateLimit: { allowed: '300', count: String(server.received.length + 1), reset: '60' },
});

function competingSave(server: SimServer, r: SeededRandom, prefer: string[]): void {
  const candidates = [...server.agents.entries()].filter(([, a]) => a.week.shifts.length > 0);
  if (candidates.length === 0) return;
  const pool = prefer.length && r.chance(0.5) ? candidates.filter(([id]) => prefer.includes(id)) : candidates;
  const [agentId, agent] = r.pick(pool.length ? pool : candidates);
  const at = r.int(0, agent.week.shifts.length - 1);
  const shift = agent.week.shifts[at]!;
  const code = `trade-${server.theirEdits.length + 1}`;
  const traded: WeekShift = {
    ...shift,
    activities: shift.activities.map((a, i) =>
      i === shift.activities.length - 1 ? { ...a, activityCodeId: code } : a,
    ),
  };
  const shifts = agent.week.shifts.map((s, i) => (i === at ? traded : s));
  server.agents.set(agentId, { week: { ...agent.week, shifts }, version: agent.version + 1 });
  server.theirEdits.push({ agentId, shiftId: shift.id!, code });
  server.version += 1;
}

function applyUpload(server: SimServer, upload: Models.UpdateScheduleUploadSchema): void {
  for (const entry of upload.agentSchedules ?? []) {
    const agent = server.agents.get(entry.userId!) ?? { week: { shifts: [], fullDayTimeOffMarkers: [] }, version: 0 };
    const shifts = new Map(agent.week.shifts.map((s) => [s.id!, s]));
    for (const s of entry.shifts ?? []) {
      if (s.delete) {
        shifts.delete(s.id!);
        continue;
      }
      const id = s.id ?? `g-${++server.nextId}`;
      shifts.set(id, {
        id,
        startDate: s.startDate!,
        lengthMinutes: s.lengthMinutes!,
        activities: (s.activities ?? []).map((a) => ({
          startDate: a.startDate!,
          lengthMinutes: a.lengthMinutes!,
          activityCodeId: a.activityCodeId!,
          description: a.description ?? '',
        })),
      });
    }
    const markers = new Map(agent.week.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
    for (const m of entry.fullDayTimeOffMarkers ?? []) {
      if (m.delete) markers.delete(m.businessUnitDate!);
      else
        markers.set(m.businessUnitDate!, {
          businessUnitDate: m.businessUnitDate!,
          lengthMinutes: m.lengthMinutes!,
          activityCodeId: m.activityCodeId!,
        });
    }
    server.agents.set(entry.userId!, {
      week: { shifts: [...shifts.values()], fullDayTimeOffMarkers: [...markers.values()] },
      version: agent.version + 1,
    });
  }
  if (upload.published !== undefined) server.published = upload.published;
  server.version += 1;
  server.applied += 1;
}

/** Refusals Genesys decides when an update is accepted: versions first, then script locks. */
function refusal(server: SimServer, upload: Models.UpdateScheduleUploadSchema, r: SeededRandom): HttpOutcome | null {
  const stale =
    upload.metadata!.version !== server.version ||
    (upload.agentSchedules ?? []).some(
      (e) => e.metadata && e.metadata.version !== server.agents.get(e.userId!)?.version,
    );
  if (stale) {
    return r.chance(0.25)
      ? { status: 400, error: { message: 'The schedule version in the request does not match the current version' } }
      : { status: 409, error: { message: 'conflict' } };
  }
  const locked = (upload.agentSchedules ?? []).map((e) => e.userId!).filter((id) => server.busy.has(id));
  if (locked.length === 0) return null;
  return {
    status: 409,
    error: {
      message: 'locked',
      messageParams: { userIds: locked.join(', ') },
      details: locked.map((entityId) => ({ entityId })),
    },
  };
}

/** The event that answers one call effect. */
export function answer(
  server: SimServer,
  effect: PublishEffect,
  state: PublishState,
  at: number,
  r: SeededRandom,
  faults: SimFaults,
): PublishEvent | null {
  const limited = (): HttpOutcome => ({
    status: 429,
    retryAfter: r.chance(0.5) ? String(r.int(1, 3)) : new Date(at + 2000).toUTCString(),
  });
  const rateLimited = r.chance(faults.rateLimited);
  switch (effect.type) {
    case 'reread': {
      if (rateLimited) return { type: 'reread', at, outcome: limited() };
      const agents = effect.agentIds.flatMap((agentId) => {
        const a = server.agents.get(agentId);
        return a ? [{ agentId, now: { week: structuredClone(a.week), version: a.version } }] : [];
      });
      return {
        type: 'reread',
        at,
        outcome: ok(server, at),
        schedule: { version: server.version, published: server.published },
        agents,
      };
    }
    case 'checkScriptSessions':
      return {
        type: 'scriptSessions',
        at,
        outcome: ok(server, at),
        activeAgentIds: effect.agentIds.filter((id) => server.busy.has(id)),
      };
    case 'requestUploadUrl':
      if (rateLimited) return { type: 'uploadUrl', at, outcome: limited() };
      server.body = uploadFor(state);
      return {
        type: 'uploadUrl',
        at,
        outcome: ok(server, at),
        uploadKey: `key-${effect.attempt}`,
        url: 'https://upload.test/x',
      };
    case 'putUpload':
      return { type: 'uploadPut', at, outcome: { status: 200 } };
    case 'sendUpdate': {
      server.received.push(effect.attempt);
      if (rateLimited) return { type: 'updateAnswered', at, outcome: limited() };
      if (r.chance(faults.competingSave)) competingSave(server, r, effect.agentIds);
      const upload = server.body!;
      const refused = refusal(server, upload, r);
      if (refused) return { type: 'updateAnswered', at, outcome: refused };
      server.accepted = { upload, version: server.version };
      if (r.chance(faults.serverErrorAfterApply)) {
        applyUpload(server, upload);
        server.accepted = null;
        return {
          type: 'updateAnswered',
          at,
          outcome: r.chance(0.5) ? { status: 504 } : { status: null, transport: 'reset' },
        };
      }
      return {
        type: 'updateAnswered',
        at,
        outcome: ok(server, at),
        operationId: `op-${effect.attempt}`,
        status: 'Processing',
      };
    }
    case 'awaitOperation': {
      const accepted = server.accepted;
      server.accepted = null;
      if (!accepted) return { type: 'operationEnded', at, result: 'unknown', reason: 'noNotification' };
      if (r.chance(faults.saveAfterAccept)) competingSave(server, r, []);
      if (server.version !== accepted.version) return { type: 'operationEnded', at, result: 'failed' };
      applyUpload(server, accepted.upload);
      return { type: 'operationEnded', at, result: r.chance(faults.lostNotification) ? 'unknown' : 'applied' };
    }
    default:
      return null;
  }
}
