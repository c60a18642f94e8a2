/**
 * `POST /api/v2/analytics/conversations/details/query` over the org's scripted
 * conversations. The console reads it to find agents in an active script
 * session (no `conversationEnd`, agent session with a `scriptId`), whom a
 * publish touching them may fail on.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest } from '../http/api-error';
import type { Route } from '../http/route';
import type { OrgState, PlantedProblem, ScriptSessionState } from '../org/model';
import { createRng, type Rng } from '../random';
import type { SandboxRuntime } from '../runtime';
import { conversationMatches, type DimensionValues } from './filters';

const maxPageSize = 100;
const minutes = 60_000;

function parseInterval(interval: unknown): { startMs: number; endMs: number } {
  const parts = typeof interval === 'string' ? interval.split('/') : [];
  // Instants need a zone: a naive timestamp is exactly the skew this product hunts for.
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
  const [start, end] = parts.map((p) => (instant.test(p) ? Date.parse(p) : Number.NaN));
  if (parts.length !== 2 || !Number.isFinite(start) || !Number.isFinite(end) || start! >= end!) {
    throw badRequest(
      `Invalid interval "${String(interval)}": expected start/end ISO-8601 instants with start before end`,
      [{ errorCode: 'invalid.interval', fieldName: 'interval' }],
    );
  }
  return { startMs: start!, endMs: end! };
}

function paging(spec: Partial<Models.PagingSpec> | undefined): { pageSize: number; pageNumber: number } {
  const pageSize = spec?.pageSize ?? 25;
  const pageNumber = spec?.pageNumber ?? 1;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw badRequest(`paging.pageSize must be between 1 and ${maxPageSize}`, [
      { errorCode: 'invalid.value', fieldName: 'paging.pageSize' },
    ]);
  }
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw badRequest('paging.pageNumber must be 1 or more', [
      { errorCode: 'invalid.value', fieldName: 'paging.pageNumber' },
    ]);
  }
  return { pageSize, pageNumber };
}

interface BuiltConversation {
  conversation: Models.AnalyticsConversationWithoutAttributes;
  dimensions: DimensionValues;
  segments: DimensionValues[];
}

/** One inbound voice call: the customer and the agent running the script. Ids derive from the conversation id, so re-reads agree. */
function buildConversation(org: OrgState, s: ScriptSessionState, nowMs: number): BuiltConversation {
  const ids = createRng(s.conversationId);
  const ended = s.end !== null && Date.parse(s.end) <= nowMs;
  const segmentEnd = ended ? s.end! : undefined;
  const agentName = org.users.get(s.userId)?.name ?? 'Unknown agent';
  const ani = `tel:+1312555${String(ids.int(0, 9999)).padStart(4, '0')}`;
  const parties = [
    { purpose: 'customer', participantId: ids.uuid(), sessionId: ids.uuid(), participantName: 'Customer' },
    {
      purpose: 'agent',
      participantId: ids.uuid(),
      sessionId: ids.uuid(),
      participantName: agentName,
      userId: s.userId,
      scriptId: s.scriptId,
    },
  ];
  const segments: DimensionValues[] = [];
  const participants = parties.map((p): Models.AnalyticsParticipantWithoutAttributes => {
    const segment: Models.AnalyticsConversationSegment = {
      segmentStart: s.start,
      segmentType: 'interact',
      queueId: s.queueId,
    };
    if (segmentEnd)
      Object.assign(segment, { segmentEnd, disconnectType: p.purpose === 'customer' ? 'peer' : 'client' });
    const session: Models.AnalyticsSession = {
      mediaType: 'voice',
      sessionId: p.sessionId,
      direction: 'inbound',
      ani,
      dnis: 'tel:+18005550100',
      segments: [segment],
    };
    if (p.scriptId) session.scriptId = p.scriptId;
    segments.push({
      ...p,
      conversationId: s.conversationId,
      mediaType: 'voice',
      direction: 'inbound',
      queueId: s.queueId,
      segmentType: 'interact',
      segmentEnd,
    });
    const participant: Models.AnalyticsParticipantWithoutAttributes = {
      participantId: p.participantId,
      participantName: p.participantName,
      purpose: p.purpose,
      sessions: [session],
    };
    if (p.userId) participant.userId = p.userId;
    return participant;
  });
  const conversation: Models.AnalyticsConversationWithoutAttributes = {
    conversationId: s.conversationId,
    conversationStart: s.start,
    originatingDirection: 'inbound',
    participants,
  };
  if (ended) conversation.conversationEnd = s.end!;
  const dimensions = {
    conversationId: s.conversationId,
    conversationStart: s.start,
    conversationEnd: conversation.conversationEnd,
    originatingDirection: 'inbound',
  };
  return { conversation, dimensions, segments };
}

export function analyticsRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'POST',
      template: '/api/v2/analytics/conversations/details/query',
      auth: 'bearer',
      permission: 'analytics:conversationDetail:view',
      handle: async (ctx) => {
        const raw = await ctx.readJson();
        // publish-morning: calls end and new scripted ones begin between reads.
        if (runtime.faults.scriptSessionsMove())
          advanceScriptSessions(runtime.org, runtime.now(), runtime.faultRng, runtime.manifest.planted);
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
          throw badRequest('The request body must be a ConversationQuery object');
        const query = raw as Models.ConversationQuery;
        const { startMs, endMs } = parseInterval(query.interval);
        const { pageSize, pageNumber } = paging(query.paging);
        // Evaluating once on nothing rejects a malformed filter even when no conversation is in range.
        conversationMatches(query, {}, [{}]);
        const nowMs = runtime.now().getTime();
        const matching = runtime.org.scriptSessions
          .filter((s) => {
            const began = Date.parse(s.start);
            return began >= startMs && began < endMs && began <= nowMs;
          })
          .map((s) => buildConversation(runtime.org, s, nowMs))
          .filter((c) => conversationMatches(query, c.dimensions, c.segments))
          .map((c) => c.conversation)
          .sort(
            (a, b) =>
              a.conversationStart!.localeCompare(b.conversationStart!) ||
              a.conversationId!.localeCompare(b.conversationId!),
          );
        if (query.order === 'desc') matching.reverse();
        const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        // Genesys leaves `conversations` out entirely when nothing matches.
        const body: Models.AnalyticsConversationQueryResponse = { totalHits: matching.length };
        if (page.length > 0) body.conversations = page;
        return { status: 200, body };
      },
    },
  ];
}

/**
 * Moves the org's calls along: some active sessions older than 45 minutes
 * end now, and a few agents who are free start new ones. Sessions planted for
 * the script-lock scenario stay active; only their owner ends them.
 */
export function advanceScriptSessions(
  org: OrgState,
  now: Date,
  rng: Rng,
  planted: readonly PlantedProblem[] = [],
): { ended: number; started: number } {
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const plantedUsers = new Set(planted.filter((p) => p.kind === 'scriptSession' && p.userId).map((p) => p.userId));
  const isActive = (s: ScriptSessionState) => s.end === null || Date.parse(s.end) > nowMs;
  let ended = 0;
  for (const s of org.scriptSessions) {
    if (!isActive(s) || plantedUsers.has(s.userId) || nowMs - Date.parse(s.start) < 45 * minutes) continue;
    if (rng.chance(0.5)) {
      s.end = nowIso;
      ended += 1;
    }
  }
  const busy = new Set(org.scriptSessions.filter(isActive).map((s) => s.userId));
  const free = [...org.users.values()].filter((u) => u.managementUnitId && !busy.has(u.id));
  const scripts = [...new Set(org.scriptSessions.map((s) => s.scriptId))];
  const queues = [...new Set(org.scriptSessions.map((s) => s.queueId))];
  const wanted = Math.min(free.length, ended + rng.int(0, 2));
  let started = 0;
  while (started < wanted) {
    const [agent] = free.splice(rng.int(0, free.length - 1), 1);
    org.scriptSessions.push({
      conversationId: rng.uuid(),
      userId: agent!.id,
      scriptId: scripts.length > 0 ? rng.pick(scripts) : rng.uuid(),
      queueId: queues.length > 0 ? rng.pick(queues) : rng.uuid(),
      start: nowIso,
      end: null,
    });
    started += 1;
  }
  return { ended, started };
}
