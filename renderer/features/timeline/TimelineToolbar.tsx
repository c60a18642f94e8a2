import { useConsole } from '../../store/context';
import type { TimelineZoneMode } from '../../store/timeline-slice';
import { zoomStep } from './bar-geometry';
import { scheduleLabel, weekDatesOf } from './schedule-choice';
import type { TimelineViewModel } from './use-timeline-view';
import { useLegend } from './legend-context';
import { liveStatusWords, useLiveScriptSessionsContext } from './use-live-script-sessions';

const spanLabel = (h: number) => (h % 24 === 0 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} h`);

/** Which schedule (unit, week, draft or published), which clock, how much of the week, and who. */
export function TimelineToolbar({ t }: { t: TimelineViewModel }) {
  const { view } = t;
  const legend = useLegend();
  const liveScripts = useLiveScriptSessionsContext();
  const setTimeline = useConsole((s) => s.setTimeline);
  const pickWeek = useConsole((s) => s.pickTimelineWeek);
  const selectBu = useConsole((s) => s.selectBusinessUnit);
  const zones: Array<[TimelineZoneMode, string, string]> = [
    // A zone Genesys named that this computer cannot read is said, not drawn as if it were UTC.
    ['bu', 'BU zone', t.unknownZone ? `${t.unknownZone}: unknown here, shown in UTC` : t.bu ? t.buZone : ''],
    ['mine', 'My zone', t.myZone],
    ['utc', 'UTC', 'UTC'],
  ];
  return (
    <header className="tl-toolbar">
      <div className="tl-toolbar-row">
        <h1 id="timeline-title">Timeline</h1>
        <label>
          Business unit
          <select
            value={t.bu?.id ?? ''}
            onChange={(e) => selectBu(e.target.value)}
            disabled={!t.overview?.businessUnits.length}
          >
            {!t.overview?.businessUnits.length && <option value="">None mirrored yet</option>}
            {t.overview?.businessUnits.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Week
          <select value={t.week ?? ''} onChange={(e) => pickWeek(e.target.value)} disabled={!t.week}>
            {weekDatesOf(t.weeks).map((w) => (
              <option key={w} value={w}>
                Week of {w}
              </option>
            ))}
          </select>
        </label>
        <label>
          Schedule
          <select
            value={t.schedule?.scheduleId ?? ''}
            onChange={(e) => setTimeline({ scheduleId: e.target.value, drawerAgentId: null })}
            disabled={t.ofWeek.length < 2}
            data-testid="schedule-picker"
          >
            {t.ofWeek.map((w) => (
              <option key={w.scheduleId} value={w.scheduleId}>
                {scheduleLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="tl-zones">
          <legend>Times in</legend>
          {zones.map(([mode, label, zone]) => (
            <label key={mode} title={zone}>
              <input
                type="radio"
                name="tl-zone"
                checked={view.zoneMode === mode}
                onChange={() => setTimeline({ zoneMode: mode })}
              />
              {label}
              {mode !== 'utc' && <span className="muted"> {zone}</span>}
            </label>
          ))}
        </fieldset>
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            onClick={() => setTimeline({ spanHours: zoomStep(view.spanHours, -1) })}
            aria-label="Zoom in (+)"
            title="Zoom in (+, or Ctrl+wheel)"
          >
            +
          </button>
          <span aria-live="polite" data-testid="zoom-span">
            {spanLabel(view.spanHours)}
          </span>
          <button
            type="button"
            onClick={() => setTimeline({ spanHours: zoomStep(view.spanHours, 1) })}
            aria-label="Zoom out (-)"
            title="Zoom out (-, or Ctrl+wheel)"
          >
            −
          </button>
        </div>
      </div>
      <div className="tl-toolbar-row">
        <label>
          Agent
          <input
            type="search"
            value={view.search}
            placeholder="Search by name"
            onChange={(e) => setTimeline({ search: e.target.value })}
          />
        </label>
        <label>
          Management unit
          <select
            value={view.managementUnitId ?? ''}
            onChange={(e) => setTimeline({ managementUnitId: e.target.value || null })}
          >
            <option value="">All units</option>
            {t.unitIds.map((id) => (
              <option key={id} value={id}>
                {legend.unitName(id)}
              </option>
            ))}
          </select>
        </label>
        <label className="tl-check">
          <input
            type="checkbox"
            checked={view.onlyFindings}
            onChange={(e) => setTimeline({ onlyFindings: e.target.checked })}
          />
          Only agents with findings ({t.findings.agentIds.length})
        </label>
        <label className="tl-check" title={t.compare.reason ?? 'Overlay the week’s published schedule as outlines'}>
          <input
            type="checkbox"
            checked={view.ghostPublished && !t.compare.reason}
            disabled={!!t.compare.reason}
            onChange={(e) => setTimeline({ ghostPublished: e.target.checked })}
          />
          What agents see now
        </label>
        <label
          className="tl-check"
          title={t.compare.reason ?? 'Only agents whose week differs between this draft and the published schedule'}
        >
          <input
            type="checkbox"
            checked={view.changedOnly && !t.compare.reason}
            disabled={!!t.compare.reason}
            onChange={(e) => setTimeline({ changedOnly: e.target.checked })}
          />
          Changed only{t.changedIds ? ` (${t.changedIds.length})` : ''}
        </label>
        {t.compare.reason && (
          <span className="muted tl-compare-reason" data-testid="compare-reason">
            {t.compare.reason}
          </span>
        )}
        <span className="muted tl-asof" data-testid="timeline-count">
          {t.roster.data ? `${t.roster.data.length} agents` : ''}
          {t.bu?.asOf ? ` · mirror as of ${new Date(t.bu.asOf).toLocaleString()}` : ''}
        </span>
        {liveScripts && t.bu && (
          <span
            className={`muted tl-asof tl-live-${liveScripts.state}`}
            data-testid="script-sessions-status"
            data-state={liveScripts.state}
            title={
              liveScripts.reason ??
              'Agents in a scripted conversation, read again every 30 s, or less often when the request budget needs it'
            }
          >
            {liveStatusWords(liveScripts)}
          </span>
        )}
      </div>
    </header>
  );
}
