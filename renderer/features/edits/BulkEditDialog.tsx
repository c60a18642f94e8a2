import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppliedEdit } from '../../../shared/contract/edits';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { legendQuery, type TimelineSubject } from '../timeline/queries';
import type { RosterAgent } from '../timeline/roster-rows';
import { bulkIntent, bulkKindLabel, shiftsTouched, type BulkForm, type BulkKind } from './bulk-intent';
import { useChangeSetContext } from './change-set-context';
import { weekDays } from './week-days';

/**
 * One edit for every selected agent: insert an activity (a 30-minute team meeting Wed 14:00), move
 * shifts by an offset, drop a day's shifts, or hold back. Preview first (main's dry run: how many
 * agents and shifts it touches, who is skipped and why), then Apply: one undo step for all of them.
 */
export function BulkEditDialog(props: { subject: TimelineSubject; roster: readonly RosterAgent[] }) {
  const { subject } = props;
  const client = useOpsClient();
  const cs = useChangeSetContext();
  const selection = useConsole((s) => s.editSelection);
  const setOpen = useConsole((s) => s.setBulkEditOpen);
  const legend = useQuery(legendQuery(client, subject.profileId, subject.businessUnitId));
  const days = useMemo(() => weekDays(subject.week), [subject.week]);
  const codes = legend.data?.activityCodes ?? [];
  const meeting = codes.find((c) => c.category === 'Meeting') ?? codes.find((c) => c.category !== 'OnQueueWork');
  const [form, setForm] = useState<BulkForm>({
    kind: 'insertActivity',
    date: days[2]?.date ?? '',
    startTime: '14:00',
    lengthMinutes: 30,
    activityCodeId: '',
    offsetMinutes: 30,
  });
  const [preview, setPreview] = useState<AppliedEdit | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const chosen = { ...form, activityCodeId: form.activityCodeId || meeting?.id || '' };
  const names = useMemo(() => new Map(props.roster.map((a) => [a.id, a.name])), [props.roster]);
  const agentIds = [...selection.agentIds];
  const edit = (patch: Partial<BulkForm>) => {
    setForm({ ...form, ...patch });
    // A changed form is a new question: the old preview no longer answers it.
    setPreview(null);
    setProblem(null);
  };
  const close = () => setOpen(false);

  const send = async (dryRun: boolean) => {
    const built = bulkIntent(chosen);
    if (!built.ok) return setProblem(built.problem);
    setProblem(null);
    try {
      const result = await cs.apply.mutateAsync({
        intent: built.intent,
        agentIds,
        source: { type: 'bulk', agentCount: agentIds.length },
        dryRun,
      });
      if (dryRun) setPreview(result);
      else close();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="ed-dialog-backdrop">
      <div
        className="ed-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ed-bulk-title"
        data-testid="bulk-dialog"
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2 id="ed-bulk-title">
          One edit for {agentIds.length} agent{agentIds.length === 1 ? '' : 's'}
        </h2>
        <div className="ed-form">
          <label>
            Edit
            <select ref={firstField} value={form.kind} onChange={(e) => edit({ kind: e.target.value as BulkKind })}>
              {(Object.keys(bulkKindLabel) as BulkKind[]).map((k) => (
                <option key={k} value={k}>
                  {bulkKindLabel[k]}
                </option>
              ))}
            </select>
          </label>
          {form.kind !== 'holdBack' && (
            <label>
              Day (BU)
              <select value={form.date} onChange={(e) => edit({ date: e.target.value })}>
                {form.kind === 'moveShifts' && <option value="">Every day of the week</option>}
                {days.map((d) => (
                  <option key={d.date} value={d.date}>
                    {d.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {form.kind === 'insertActivity' && (
            <>
              <label>
                Activity
                <select value={chosen.activityCodeId} onChange={(e) => edit({ activityCodeId: e.target.value })}>
                  {codes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Start (BU, HH:mm)
                <input value={form.startTime} onChange={(e) => edit({ startTime: e.target.value })} size={6} />
              </label>
              <label>
                Minutes
                <input
                  type="number"
                  min={15}
                  step={15}
                  value={form.lengthMinutes}
                  onChange={(e) => edit({ lengthMinutes: Number(e.target.value) })}
                />
              </label>
            </>
          )}
          {form.kind === 'moveShifts' && (
            <label>
              By minutes (− earlier)
              <input
                type="number"
                step={15}
                value={form.offsetMinutes}
                onChange={(e) => edit({ offsetMinutes: Number(e.target.value) })}
              />
            </label>
          )}
        </div>
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        {preview && (
          <div className="ed-preview" data-testid="bulk-preview" role="status">
            <p>
              Touches <strong>{preview.changes.length}</strong> agent{preview.changes.length === 1 ? '' : 's'} and{' '}
              <strong>{shiftsTouched(preview.changes)}</strong> shift
              {shiftsTouched(preview.changes) === 1 ? '' : 's'}; {preview.skipped.length} skipped.
            </p>
            {preview.skipped.length > 0 && (
              <ul className="ed-skipped">
                {preview.skipped.slice(0, 8).map((s) => (
                  <li key={s.agentId}>
                    {names.get(s.agentId) ?? s.agentId}: {s.problems.join('; ')}
                  </li>
                ))}
                {preview.skipped.length > 8 && <li>…and {preview.skipped.length - 8} more</li>}
              </ul>
            )}
            <p className="muted">
              New findings show in the findings panel as soon as it is applied; Undo takes the whole edit back.
            </p>
          </div>
        )}
        <div className="ed-dialog-actions">
          <button type="button" onClick={() => void send(true)} disabled={cs.busy || agentIds.length === 0}>
            Preview
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void send(false)}
            disabled={cs.busy || !preview || preview.changes.length === 0}
            data-testid="bulk-apply"
          >
            Apply to {preview?.changes.length ?? agentIds.length}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
