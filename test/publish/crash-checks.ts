/**
 * What the crash test checks on the sandbox after a publish: the schedule is
 * exactly what was intended merged with the other editors' saves, computed
 * independently of the engine from a snapshot taken before the publish and
 * the sandbox's own agent history; and every agent carries our write once.
 */
import type { ScheduleState, ShiftState } from '../../main/sandbox/org/model';

export interface ScheduleSnapshot {
  agents: Map<string, ShiftState[]>;
  /** How many history changes each agent had at the snapshot: later ones happened during the publish. */
  historyLength: Map<string, number>;
}

export function snapshotOf(schedule: ScheduleState): ScheduleSnapshot {
  return {
    agents: new Map([...schedule.agentSchedules.values()].map((a) => [a.userId, structuredClone(a.shifts)])),
    historyLength: new Map([...(schedule.agentHistory ?? [])].map(([id, h]) => [id, h.changes.length])),
  };
}

const ms = (iso: string) => Date.parse(iso);
const later = (iso: string, minutes: number) => new Date(ms(iso) + minutes * 60_000).toISOString();

/** A shift as compared: instants as numbers (the sandbox may write them differently), activities in order. */
export function shape(s: ShiftState) {
  return {
    id: s.id,
    start: ms(s.startDate),
    lengthMinutes: s.lengthMinutes,
    activities: s.activities.map((a) => ({
      start: ms(a.startDate),
      lengthMinutes: a.lengthMinutes,
      activityCodeId: a.activityCodeId,
      description: a.description,
    })),
  };
}

export interface AgentOutcome {
  /** Shifts as they should be, by id order. */
  expected: ReturnType<typeof shape>[];
  actual: ReturnType<typeof shape>[];
  /** Changes our client made to the agent during the publish (1 for an edited agent: written once). */
  ourWrites: number;
  /** Changes the other editors made during the publish. */
  theirWrites: number;
}

/**
 * Per agent: the snapshot, with every shift another editor saved during the publish as they saved it, and our
 * edit (the first shift an hour later) on top for edited agents: ours wins the shift both changed (the merge's
 * rule, and `mine`'s); `mine` also drops their other changes to that agent.
 */
export function outcomes(
  before: ScheduleSnapshot,
  after: ScheduleState,
  ours: { clientId: string; edited: readonly string[]; resolutions: Map<string, string | null> },
): Map<string, AgentOutcome> {
  const out = new Map<string, AgentOutcome>();
  for (const [agentId, shifts] of before.agents) {
    const changes = (after.agentHistory?.get(agentId)?.changes ?? []).slice(before.historyLength.get(agentId) ?? 0);
    const theirs = changes.filter((c) => c.modifiedByUserId !== ours.clientId);
    const expected = new Map(shifts.map((s) => [s.id, structuredClone(s)]));
    if (ours.resolutions.get(agentId) !== 'mine')
      for (const c of theirs) for (const s of c.shifts) if (expected.has(s.id)) expected.set(s.id, structuredClone(s));
    if (ours.edited.includes(agentId)) {
      const first = shifts[0]!;
      expected.set(first.id, {
        ...first,
        startDate: later(first.startDate, 60),
        activities: first.activities.map((a) => ({ ...a, startDate: later(a.startDate, 60) })),
      });
    }
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    out.set(agentId, {
      expected: [...expected.values()].map(shape).sort(byId),
      actual: (after.agentSchedules.get(agentId)?.shifts ?? []).map(shape).sort(byId),
      ourWrites: changes.length - theirs.length,
      theirWrites: theirs.length,
    });
  }
  return out;
}
