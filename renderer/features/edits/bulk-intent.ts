/**
 * The bulk dialog's form as one edit intent for many agents, checked by the contract's own schema
 * before it is sent (so a bad time or length is said here, in words, and nothing goes to main), and
 * what a dry run of it touches. Pure.
 */
import { editIntent, type EditIntent } from '../../../shared/edits/types';
import { shiftContent, type AgentWeek } from '../../../shared/publish/agent-week';
import { shiftKey } from '../../../shared/edits/shift-ref';

export type BulkKind = 'insertActivity' | 'moveShifts' | 'dropDayShifts' | 'holdBack';

export interface BulkForm {
  kind: BulkKind;
  /** BU-local yyyy-MM-dd; '' for "every day of the week" (moving shifts only). */
  date: string;
  /** BU-local HH:mm. */
  startTime: string;
  lengthMinutes: number;
  activityCodeId: string;
  offsetMinutes: number;
}

export const bulkKindLabel: Record<BulkKind, string> = {
  insertActivity: 'Insert an activity',
  moveShifts: 'Move shifts by an offset',
  dropDayShifts: 'Drop the day’s shifts',
  holdBack: 'Hold back from this publish',
};

export type BulkIntent = { ok: true; intent: EditIntent } | { ok: false; problem: string };

export function bulkIntent(form: BulkForm): BulkIntent {
  const candidate = ((): unknown => {
    switch (form.kind) {
      case 'insertActivity':
        if (!form.activityCodeId) return 'Pick the activity to insert';
        return {
          kind: 'insertActivity',
          businessUnitDate: form.date,
          startTime: form.startTime,
          lengthMinutes: form.lengthMinutes,
          activityCodeId: form.activityCodeId,
        };
      case 'moveShifts':
        if (form.offsetMinutes === 0) return 'Say how far to move the shifts (minutes, earlier with a minus)';
        return {
          kind: 'moveShifts',
          byMinutes: form.offsetMinutes,
          ...(form.date ? { businessUnitDate: form.date } : {}),
        };
      case 'dropDayShifts':
        return { kind: 'dropDayShifts', businessUnitDate: form.date };
      case 'holdBack':
        return { kind: 'holdBack' };
    }
  })();
  if (typeof candidate === 'string') return { ok: false, problem: candidate };
  const parsed = editIntent.safeParse(candidate);
  if (parsed.success) return { ok: true, intent: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  const words: Record<string, string> = {
    businessUnitDate: 'Pick a day of the week',
    startTime: 'Give the start as HH:mm (24-hour, BU time)',
    lengthMinutes: 'The length must be whole minutes, 1 to 1,440',
    byMinutes: 'The offset must be whole minutes, at most a day either way',
    activityCodeId: 'Pick the activity to insert',
  };
  return { ok: false, problem: words[field] ?? 'The edit is not complete' };
}

/** Shifts a dry run changes, drops or adds across its agents: what "touches n shifts" counts. */
export function shiftsTouched(changes: ReadonlyArray<{ before: AgentWeek; after: AgentWeek }>): number {
  let n = 0;
  for (const { before, after } of changes) {
    const was = new Map(before.shifts.map((s, i) => [shiftKey(s, i), shiftContent(s)]));
    const keys = new Set<string>();
    after.shifts.forEach((s, i) => {
      const key = shiftKey(s, i);
      keys.add(key);
      if (was.get(key) !== shiftContent(s)) n++;
    });
    for (const key of was.keys()) if (!keys.has(key)) n++;
  }
  return n;
}
