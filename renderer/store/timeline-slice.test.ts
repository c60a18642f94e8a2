import { describe, expect, it } from 'vitest';
import { createConsoleStore } from './index';

describe('the Timeline slice (UI state only)', () => {
  it('keeps filters, zone and focus across screens, and forgets the schedule picked in another week', () => {
    const store = createConsoleStore();
    const s = () => store.getState();
    s().setTimeline({ search: 'ann', onlyFindings: true, zoneMode: 'utc', focusRowKey: 'agent-1', scheduleId: 'S1' });
    s().setTimeline({ ghostPublished: true, changedOnly: true });
    s().goTo('schedules');
    s().goTo('timeline');
    expect(s().timeline).toMatchObject({ search: 'ann', onlyFindings: true, zoneMode: 'utc', focusRowKey: 'agent-1' });
    expect(s().timeline).toMatchObject({ ghostPublished: true, changedOnly: true });
    s().pickTimelineWeek('2026-12-07');
    expect(s().timeline).toMatchObject({ week: '2026-12-07', scheduleId: null, search: 'ann' });
  });

  it('folds and unfolds a management unit', () => {
    const store = createConsoleStore();
    store.getState().toggleTimelineUnit('mu-1');
    expect(store.getState().timeline.collapsedUnits).toEqual(['mu-1']);
    store.getState().toggleTimelineUnit('mu-1');
    expect(store.getState().timeline.collapsedUnits).toEqual([]);
  });
});
