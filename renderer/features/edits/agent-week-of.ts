/**
 * The timeline's agent as the edit core's week, and the context it needs, so the one-click fixes are
 * the shared ones (`fixOptions`, what the CLI's `fix` uses) and the words match main's labels. The
 * renderer only proposes: main recomputes every change from the mirror when asked.
 */
import type { EditContext } from '../../../shared/edits/context';
import { localIdPrefix, type EditedShift } from '../../../shared/edits/shift-ref';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import type { TimelineAgent, TimelineLegend } from '../../../shared/timeline';

const iso = (ms: number) => new Date(ms).toISOString();

export function agentWeekOf(agent: TimelineAgent): AgentWeek {
  return {
    shifts: agent.shifts.map((s): EditedShift => {
      const named = s.id !== null && !s.id.startsWith(localIdPrefix) ? { id: s.id } : {};
      const local = s.id?.startsWith(localIdPrefix) ? { localId: s.id } : {};
      return {
        ...named,
        ...local,
        startDate: iso(s.startMs),
        lengthMinutes: Math.round((s.endMs - s.startMs) / 60_000),
        manuallyEdited: s.manuallyEdited,
        activities: s.activities.map((a) => ({
          startDate: iso(a.startMs),
          lengthMinutes: a.lengthMinutes,
          activityCodeId: a.activityCodeId,
          ...(a.paid === null ? {} : { paid: a.paid }),
        })),
      };
    }),
    fullDayTimeOffMarkers: agent.timeOff.map((t) => ({
      businessUnitDate: t.businessUnitDate,
      lengthMinutes: t.lengthMinutes,
      activityCodeId: t.activityCodeId,
    })),
  };
}

export function editContextOf(buZone: string, legend: TimelineLegend | null, agentName?: string): EditContext {
  return { timeZone: buZone, activityCodes: legend?.activityCodes ?? [], ...(agentName ? { agentName } : {}) };
}
