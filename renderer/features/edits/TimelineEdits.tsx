import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import type { TimelineSubject } from '../timeline/queries';
import type { RosterAgent, RowItem } from '../timeline/roster-rows';
import { BulkEditDialog } from './BulkEditDialog';
import { ChangeSetBar } from './ChangeSetBar';
import { ChangeSetProvider } from './change-set-context';
import { useEditsEvents } from './events';
import { FixMenu } from './FixMenu';
import type { ChangeSetSubject } from './queries';
import { SelectionBar } from './SelectionBar';
import { useGridEdits } from './use-grid-edits';

const noRoster: RosterAgent[] = [];

/** The change set of the schedule on screen, for everything inside (bar, fixes, grid, bulk dialog). */
export function TimelineEdits({ subject, children }: { subject: TimelineSubject | null; children: ReactNode }) {
  useEditsEvents(useOpsClient(), useQueryClient());
  const setPreview = useConsole((s) => s.setEditPreview);
  const changeSet: ChangeSetSubject | null = useMemo(
    () =>
      subject
        ? { profileId: subject.profileId, businessUnitId: subject.businessUnitId, scheduleId: subject.scheduleId }
        : null,
    [subject?.profileId, subject?.businessUnitId, subject?.scheduleId],
  );
  // A preview belongs to the schedule it was made on.
  useEffect(() => () => setPreview(null), [changeSet, setPreview]);
  return <ChangeSetProvider subject={changeSet}>{children}</ChangeSetProvider>;
}

/** The screen's edit parts: the bars above the grid, the grid's edit props, fix menus and the bulk dialog. */
export function useTimelineEdits(
  rows: RowItem[],
  roster: readonly RosterAgent[] | undefined,
  zone: string,
  buZone: string,
  subject: TimelineSubject | null,
  onShow: (f: Finding) => void,
) {
  const all = roster ?? noRoster;
  const grid = useGridEdits(rows, all, zone);
  const bulkOpen = useConsole((s) => s.bulkEditOpen);
  const renderFix = useCallback(
    (f: Finding) => (subject ? <FixMenu finding={f} subject={subject} buZone={buZone} onShow={onShow} /> : null),
    [subject, buZone, onShow],
  );
  return {
    grid,
    renderFix,
    bars: subject ? (
      <div className="ed-bars">
        <ChangeSetBar />
        <SelectionBar roster={all} />
      </div>
    ) : null,
    dialog: subject && bulkOpen ? <BulkEditDialog subject={subject} roster={all} /> : null,
  };
}
