/**
 * scriptSession: an agent in a scripted conversation right now whose
 * shifts change in this publish. Nothing documents that such writes fail;
 * users report they do, so we show it and let the supervisor hold the agent
 * back. The nearer the changed shift, the more it matters: error when it
 * runs now or starts within 2 h, warning within 24 h, info beyond.
 */
import { badInputFinding, shown } from './bad-input';
import { clockLabel, shiftLabel, untilLabel } from './explain';
import { makeFinding } from './finding';
import { agentName, agentShifts, list, type Prepared, type PreparedShift } from './prepare';
import { isoInstant, minuteMs, parseInstant } from '../time/zone-clock';
import type { Finding, ScriptSessionInput, Severity } from './types';

const hourMs = 60 * minuteMs;

interface Active {
  conversationId: string;
  startMs: number;
}

function readSession(p: Prepared, s: ScriptSessionInput, nowMs: number, out: Finding[]): Active | null {
  const startMs = parseInstant(s.start);
  const endMs = s.end === null ? null : parseInstant(s.end);
  const broken = startMs === null || (s.end !== null && (endMs === null || endMs < startMs));
  if (broken) {
    if (!p.agents.has(s.agentId)) return null;
    out.push(
      badInputFinding('scriptSession', ['session', String(s.conversationId)], {
        agentId: s.agentId,
        problem: `A scripted conversation of ${agentName(p, s.agentId)} (${shown(s.conversationId)}) has an unreadable time (start ${shown(s.start)}, end ${shown(s.end)}): it is not known whether it is still active`,
        fix: `Check ${agentName(p, s.agentId)}'s conversation in Genesys Cloud before publishing`,
        evidence: { conversationId: s.conversationId, start: s.start, end: s.end },
      }),
    );
    return null;
  }
  return s.end === null && startMs <= nowMs ? { conversationId: String(s.conversationId), startMs } : null;
}

function severityFor(next: PreparedShift | undefined, nowMs: number): Severity {
  if (!next) return 'info';
  if (next.startMs <= nowMs + 2 * hourMs) return 'error';
  return next.startMs <= nowMs + 24 * hourMs ? 'warning' : 'info';
}

function sessionFinding(
  p: Prepared,
  agentId: string,
  sessions: Active[],
  changed: PreparedShift[],
  nowMs: number,
): Finding {
  const zone = p.display.zone;
  const name = agentName(p, agentId);
  // The shift that matters most: running now or the next to start; else the last one that ran.
  const next = changed.find((s) => s.endMs > nowMs);
  const shown = next ?? (changed[changed.length - 1] as PreparedShift);
  const since = Math.min(...sessions.map((s) => s.startMs));
  const when = !next
    ? 'already over'
    : next.startMs <= nowMs
      ? 'running now'
      : `starting ${untilLabel(Math.round((next.startMs - nowMs) / minuteMs))}`;
  const count = changed.length === 1 ? 'one of their shifts changes' : `${changed.length} of their shifts change`;
  return makeFinding('scriptSession', [agentId, ...sessions.map((s) => s.conversationId).sort()], {
    severity: severityFor(next, nowMs),
    agentId,
    scheduleId: shown.scheduleId,
    start: isoInstant(shown.startMs),
    end: isoInstant(shown.endMs),
    evidence: {
      shiftIds: changed.map((s) => s.id),
      conversationIds: sessions.map((s) => s.conversationId).sort(),
      sessionStart: isoInstant(since),
      minutesToShift: next ? Math.round((next.startMs - nowMs) / minuteMs) : null,
    },
    explanation:
      `${name} is in a scripted conversation right now (since ${clockLabel(since, zone)}) and ${count} in this publish; ` +
      `the nearest is ${shiftLabel(shown.startMs, shown.endMs, zone)}, ${when}`,
    suggestedFix: `Hold ${name} back from this publish or publish anyway`,
  });
}

export function findScriptSessions(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const nowMs = p.nowMs;
  if (nowMs === null) {
    findings.push(
      badInputFinding('scriptSession', ['now'], {
        problem: `The analysis was given an unreadable "now" (${shown(p.input.now)}): active scripted conversations could not be checked`,
        fix: 'Run the analysis again; if it persists, report it',
        evidence: { now: p.input.now },
      }),
    );
    return findings;
  }
  const active = new Map<string, Active[]>();
  for (const s of list(p.input.scriptSessions)) {
    const session = readSession(p, s, nowMs, findings);
    if (session) active.set(s.agentId, [...(active.get(s.agentId) ?? []), session]);
  }
  const explicit = Array.isArray(p.input.changedShiftIds) ? new Set(p.input.changedShiftIds) : null;
  for (const [agentId, sessions] of active) {
    const changed = agentShifts(p.shifts, agentId).filter((s) => (explicit ? explicit.has(s.id) : s.draft));
    if (changed.length > 0) findings.push(sessionFinding(p, agentId, sessions, changed, nowMs));
  }
  return findings;
}
