/**
 * The business-unit race. The old slice read the selection, awaited `schedules.weeks`, then wrote
 * whatever came back into one `weeks` field: a slow answer for unit A, arriving after the
 * supervisor had switched to unit B, replaced B's weeks while B stayed selected. Now each answer is
 * filed under the key of its own question, and the screen observes only the key of the unit it shows.
 */
import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SyncRunSummary, WeekSummary } from '../../../shared/mirror';
import { createConsoleQueryClient } from '../../query-client';
import { createConsoleStore } from '../../store';
import { deferred, fakeOpsClient, settle } from '../../testing/fake-ops-client';
import { connection, overviewOf, weekOf } from '../../testing/schedules-fixtures';
import { connectionsKeys, connectionsListQuery } from '../connections/queries';
import { overviewQuery, schedulesKeys, weeksQuery } from './queries';
import { shownBusinessUnit, shownProfile } from './selection';

type Weeks = { weeks: WeekSummary[]; lastSync: SyncRunSummary | null };

function rig() {
  const slowA = deferred<Weeks>();
  const fake = fakeOpsClient({
    'connections.list': () => [connection('p')],
    'schedules.overview': () => overviewOf('A', 'B'),
    'schedules.weeks': ({ businessUnitId }) =>
      businessUnitId === 'A'
        ? slowA.promise
        : { weeks: [weekOf('B', '2026-11-23'), weekOf('B', '2026-11-30')], lastSync: null },
  });
  const queryClient = createConsoleQueryClient();
  const store = createConsoleStore();
  return { fake, queryClient, store, slowA };
}

/**
 * What the Schedules screen does on every render (use-schedules-view.ts): derive the connection and
 * unit on screen from the selection, and observe that unit's weeks (useQuery is an observer whose
 * options are set again at each render).
 */
function watchScreen({ fake, queryClient, store }: ReturnType<typeof rig>) {
  const optionsNow = () => {
    const s = store.getState();
    const profileId = shownProfile(s.schedulesProfileId, queryClient.getQueryData(connectionsKeys.list));
    const businessUnitId = shownBusinessUnit(
      s.selectedBusinessUnitId,
      queryClient.getQueryData(schedulesKeys.overview(profileId)),
    );
    return { businessUnitId, options: weeksQuery(fake.client, profileId, businessUnitId) };
  };
  const observer = new QueryObserver(queryClient, optionsNow().options);
  const stopObserving = observer.subscribe(() => {});
  const stopRendering = store.subscribe(() => observer.setOptions(optionsNow().options));
  return {
    shown: () => ({
      businessUnitId: optionsNow().businessUnitId,
      weeks: observer.getCurrentResult().data?.weeks.map((w) => w.description) ?? [],
    }),
    stop: () => {
      stopRendering();
      stopObserving();
    },
  };
}

describe('switching business unit while weeks load', () => {
  it("shows B's weeks for B when A's slow answer arrives after B's", async () => {
    const r = rig();
    await r.queryClient.fetchQuery(connectionsListQuery(r.fake.client));
    await r.queryClient.fetchQuery(overviewQuery(r.fake.client, 'p'));
    const screen = watchScreen(r);

    r.store.getState().selectBusinessUnit('A');
    await settle();
    r.store.getState().selectBusinessUnit('B');
    await settle();
    expect(screen.shown()).toEqual({ businessUnitId: 'B', weeks: ['B 2026-11-23', 'B 2026-11-30'] });

    // A's answer, asked first, arrives last: the old slice put these weeks on screen under unit B.
    r.slowA.resolve({ weeks: [weekOf('A', '2026-11-23')], lastSync: null });
    await settle();
    expect(screen.shown()).toEqual({ businessUnitId: 'B', weeks: ['B 2026-11-23', 'B 2026-11-30'] });
    expect(r.fake.callsTo('schedules.weeks')).toEqual([
      { profileId: 'p', businessUnitId: 'A' },
      { profileId: 'p', businessUnitId: 'B' },
    ]);

    // The late answer was not thrown away either: it is A's, and going back to A shows it without asking again.
    r.store.getState().selectBusinessUnit('A');
    await settle();
    expect(screen.shown()).toEqual({ businessUnitId: 'A', weeks: ['A 2026-11-23'] });
    expect(r.fake.callsTo('schedules.weeks')).toHaveLength(2);
    screen.stop();
  });

  it('shows nothing for a unit until its own weeks answer, not the previous unit’s', async () => {
    const r = rig();
    await r.queryClient.fetchQuery(connectionsListQuery(r.fake.client));
    await r.queryClient.fetchQuery(overviewQuery(r.fake.client, 'p'));
    const screen = watchScreen(r);
    r.store.getState().selectBusinessUnit('B');
    await settle();
    r.store.getState().selectBusinessUnit('A');
    await settle();
    expect(screen.shown()).toEqual({ businessUnitId: 'A', weeks: [] });
    screen.stop();
  });
});
