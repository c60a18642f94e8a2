import { useConsole } from '../../store/context';
import { scheduleLabel, weekDatesOf } from '../timeline/schedule-choice';
import { nothingToPublish, publishEnded, scheduleKind } from './choice';
import { useStartPublish } from './mutations';
import type { PublishViewModel } from './use-publish-view';
import { ConnectionPicker } from './ConnectionPicker';
import { errorWords } from './error-words';

/** Step 1: which unit, week and schedule, with its pending edits; the script-session policy; Start. */
export function ChoosePanel({ p }: { p: PublishViewModel }) {
  const selectBu = useConsole((s) => s.selectBusinessUnit);
  const setPublish = useConsole((s) => s.setPublish);
  const pickWeek = useConsole((s) => s.pickPublishWeek);
  const start = useStartPublish();
  const { schedule, subject, summary } = p;
  const busy = summary !== null && !publishEnded(summary);
  const nothing = schedule ? nothingToPublish(schedule, p.pendingEdits) : null;
  const blocked = p.offlineReason ?? nothing ?? (busy ? 'A publish of this schedule is under way below.' : null);
  return (
    <section className="panel pub-panel" aria-labelledby="pub-choose">
      <h2 id="pub-choose">1. Choose what to publish</h2>
      <div className="filters">
        <ConnectionPicker p={p} />
        <label>
          Business unit
          <select value={p.bu?.id ?? ''} onChange={(e) => selectBu(e.target.value)}>
            {p.overview?.businessUnits.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Week
          <select value={p.week ?? ''} onChange={(e) => pickWeek(e.target.value)} disabled={!p.week}>
            {weekDatesOf(p.weeks).map((w) => (
              <option key={w} value={w}>
                Week of {w}
              </option>
            ))}
          </select>
        </label>
        <label>
          Schedule
          <select
            value={schedule?.scheduleId ?? ''}
            onChange={(e) => setPublish({ scheduleId: e.target.value, jobId: null })}
            disabled={p.ofWeek.length < 2}
            data-testid="publish-schedule"
          >
            {p.ofWeek.map((w) => (
              <option key={w.scheduleId} value={w.scheduleId}>
                {scheduleLabel(w)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {schedule && (
        <p className="muted" data-testid="publish-kind">
          {scheduleKind(schedule, p.ofWeek)} ·{' '}
          <span data-testid="publish-pending-edits">
            {p.pendingEdits === null
              ? 'pending edits not read yet'
              : `${p.pendingEdits} pending edit${p.pendingEdits === 1 ? '' : 's'}`}
          </span>
        </p>
      )}
      <fieldset className="pub-policy">
        <legend>Agents in active scripted conversations</legend>
        <label className="inline">
          <input
            type="radio"
            name="pub-script-policy"
            checked={p.picks.holdScriptSessions}
            onChange={() => setPublish({ holdScriptSessions: true })}
          />{' '}
          Hold them back (publish them when their sessions end)
        </label>
        <label className="inline">
          <input
            type="radio"
            name="pub-script-policy"
            checked={!p.picks.holdScriptSessions}
            onChange={() => setPublish({ holdScriptSessions: false })}
          />{' '}
          Publish anyway (held only if Genesys refuses them)
        </label>
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!subject || blocked !== null || start.isPending}
          onClick={() => subject && start.mutate({ ...subject, holdScriptSessions: p.picks.holdScriptSessions })}
        >
          {start.isPending ? 'Starting…' : 'Start publish (preflight first)'}
        </button>
      </div>
      {blocked && (
        <p className={p.offlineReason ? 'offline-badge' : 'muted'} role="status" data-testid="publish-blocked">
          {p.offlineReason ? `Offline — publishing needs the connection. ${p.offlineReason}` : blocked}
        </p>
      )}
      {start.error && (
        <p className="error-text" role="alert">
          {errorWords(start.error)}
        </p>
      )}
    </section>
  );
}
