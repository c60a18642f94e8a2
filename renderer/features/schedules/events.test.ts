import { MutationObserver, QueryObserver, type QueryKey, type QueryObserverOptions } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { JobEvent, JobSnapshot } from '../../../shared/contract';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { createConsoleQueryClient } from '../../query-client';
import { deferred, fakeOpsClient, settle, type FakeHandlers } from '../../testing/fake-ops-client';
import { overviewOf, syncStep, weekOf } from '../../testing/schedules-fixtures';
import { subscribeSchedulesEvents } from './events';
import { startSyncOptions } from './mutations';
import { overviewQuery, weekAnalysisQuery, weeksQuery } from './queries';
import { syncJobQuery } from './sync-job';

const snapshotOf = (step: JobEvent): JobSnapshot => ({ ...step, startedAt: step.at, endedAt: null });

/** The Schedules screen open on unit A of profile p, week 2026-11-23's findings open, unit B's weeks also cached. */
async function rig(handlers: FakeHandlers = {}) {
  const fake = fakeOpsClient({
    'schedules.overview': () => overviewOf('A', 'B'),
    'schedules.weeks': ({ businessUnitId }) => ({ weeks: [weekOf(businessUnitId, '2026-11-23')], lastSync: null }),
    'analysis.get': ({ week }) => ({ week, findings: [] }) as unknown as WeekAnalysis,
    'job.list': () => [],
    ...handlers,
  });
  const queryClient = createConsoleQueryClient();
  const unsubscribe = subscribeSchedulesEvents(fake.client, queryClient);
  const observe = <T, K extends QueryKey>(options: QueryObserverOptions<T, Error, T, T, K>) => {
    const observer = new QueryObserver(queryClient, options);
    observer.subscribe(() => {});
    return observer;
  };
  observe(overviewQuery(fake.client, 'p'));
  observe(weeksQuery(fake.client, 'p', 'A'));
  observe(weeksQuery(fake.client, 'p', 'B'));
  observe(weekAnalysisQuery(fake.client, 'p', 'A', '2026-11-23'));
  observe(weekAnalysisQuery(fake.client, 'p', 'A', '2026-11-30'));
  const job = observe(syncJobQuery(fake.client, queryClient, 'p', 'A'));
  await settle();
  const counts = () => ({
    overview: fake.callsTo('schedules.overview').length,
    weeksA: fake.callsTo('schedules.weeks').filter((a) => (a as { businessUnitId: string }).businessUnitId === 'A')
      .length,
    weeksB: fake.callsTo('schedules.weeks').filter((a) => (a as { businessUnitId: string }).businessUnitId === 'B')
      .length,
    analysis: fake.callsTo('analysis.get').map((a) => (a as { week: string }).week),
  });
  return { fake, queryClient, unsubscribe, counts, job: () => job.getCurrentResult().data };
}

describe('a sync job on the Schedules screen', () => {
  it('moves the progress bar with each step and reads the unit again once, when the job ends', async () => {
    const r = await rig({ 'sync.start': () => snapshotOf(syncStep('j1', 1, 'running')) });
    expect(r.counts()).toEqual({ overview: 1, weeksA: 1, weeksB: 1, analysis: ['2026-11-23', '2026-11-30'] });

    await new MutationObserver(r.queryClient, startSyncOptions(r.fake.client, r.queryClient)).mutate({
      profileId: 'p',
      businessUnitId: 'A',
    });
    expect(r.job()).toMatchObject({ jobId: 'j1', state: 'running', seq: 1 });

    r.fake.emit(
      'job.event',
      syncStep('j1', 2, 'running', { progress: { phase: 'agentSchedules', done: 3, total: 10 } }),
    );
    expect(r.job()?.progress).toEqual({ phase: 'agentSchedules', done: 3, total: 10 });

    // main writes the mirror (and says so) just before the job ends: that alone must not read the unit.
    r.fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'A', tables: ['schedules', 'sync_runs'] });
    await settle();
    expect(r.counts()).toEqual({ overview: 1, weeksA: 1, weeksB: 1, analysis: ['2026-11-23', '2026-11-30'] });

    r.fake.emit('job.event', syncStep('j1', 3, 'succeeded', { progress: { phase: 'done', done: 1, total: 1 } }));
    r.fake.emit('job.event', syncStep('j1', 3, 'succeeded', { progress: { phase: 'done', done: 1, total: 1 } }));
    await settle();
    expect(r.job()).toMatchObject({ state: 'succeeded', seq: 3 });
    // Once each, for unit A only: its weeks, the connection's overview, and every open week's findings.
    expect(r.counts()).toEqual({
      overview: 2,
      weeksA: 2,
      weeksB: 1,
      analysis: ['2026-11-23', '2026-11-30', '2026-11-23', '2026-11-30'],
    });
  });

  it('drops steps it has already seen, or older ones, and a start answer that comes after the events', async () => {
    const answer = deferred<JobSnapshot>();
    const r = await rig({ 'sync.start': () => answer.promise });
    const starting = new MutationObserver(r.queryClient, startSyncOptions(r.fake.client, r.queryClient)).mutate({
      profileId: 'p',
      businessUnitId: 'A',
    });
    r.fake.emit('job.event', syncStep('j1', 1, 'running'));
    r.fake.emit('job.event', syncStep('j1', 3, 'running', { progress: { phase: 'schedules', done: 2, total: 3 } }));
    r.fake.emit('job.event', syncStep('j1', 2, 'running', { progress: { phase: 'schedules', done: 1, total: 3 } }));
    r.fake.emit('job.event', syncStep('j1', 3, 'running', { progress: { phase: 'schedules', done: 0, total: 3 } }));
    answer.resolve(snapshotOf(syncStep('j1', 1, 'running')));
    await starting;
    expect(r.job()).toMatchObject({ seq: 3, progress: { phase: 'schedules', done: 2, total: 3 } });

    // The end of an earlier job of this unit, arriving late, neither ends this one nor reads the unit.
    r.fake.emit('job.event', syncStep('j0', 9, 'failed', { at: '2026-11-23T05:59:00.000Z' }));
    await settle();
    expect(r.job()).toMatchObject({ jobId: 'j1', state: 'running' });
    expect(r.counts().weeksA).toBe(1);

    r.fake.emit(
      'job.event',
      syncStep('j1', 4, 'failed', { error: { code: 'failed', message: 'Genesys Cloud is not reachable.' } }),
    );
    r.fake.emit('job.event', syncStep('j1', 4, 'failed'));
    await settle();
    expect(r.job()).toMatchObject({ state: 'failed', error: { message: 'Genesys Cloud is not reachable.' } });
    expect(r.counts().weeksA).toBe(2);
  });

  it('shows a sync started in another window (job.list), and keeps a step that came while job.list answered', async () => {
    const listed = deferred<JobSnapshot[]>();
    const r = await rig({ 'job.list': () => listed.promise });
    r.fake.emit('job.event', syncStep('j1', 5, 'running', { progress: { phase: 'timeOff', done: 1, total: 2 } }));
    listed.resolve([
      snapshotOf(syncStep('j0', 4, 'succeeded', { at: '2026-11-23T05:00:00.000Z' })),
      snapshotOf(syncStep('j1', 4, 'running')),
      snapshotOf(syncStep('j9', 2, 'running', { subject: { profileId: 'p', businessUnitId: 'B' } })),
    ]);
    await settle();
    expect(r.job()).toMatchObject({ jobId: 'j1', seq: 5, progress: { phase: 'timeOff' } });
  });

  it('picks the running sync of this unit from job.list when no event has come yet', async () => {
    const r = await rig({
      'job.list': () => [
        snapshotOf(syncStep('j9', 2, 'running', { subject: { profileId: 'p', businessUnitId: 'B' } })),
        snapshotOf(syncStep('j1', 2, 'running', { progress: { phase: 'schedules', done: 1, total: 3 } })),
      ],
    });
    expect(r.job()).toMatchObject({ jobId: 'j1', state: 'running', progress: { done: 1 } });
  });
});

describe('mirror and analysis events', () => {
  it('mirror.changed outside a sync reads that unit again and nothing else', async () => {
    const r = await rig();
    r.fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'A', tables: ['schedules'] });
    await settle();
    expect(r.counts()).toEqual({
      overview: 2,
      weeksA: 2,
      weeksB: 1,
      analysis: ['2026-11-23', '2026-11-30', '2026-11-23', '2026-11-30'],
    });
    r.fake.emit('mirror.changed', { profileId: 'other', businessUnitId: 'A', tables: ['schedules'] });
    await settle();
    expect(r.counts().weeksA).toBe(2);
  });

  it('analysis.updated reads only that week’s findings again', async () => {
    const r = await rig();
    r.fake.emit('analysis.updated', { profileId: 'p', businessUnitId: 'A', week: '2026-11-30', counts: {}, errors: 0 });
    await settle();
    expect(r.counts()).toEqual({
      overview: 1,
      weeksA: 1,
      weeksB: 1,
      analysis: ['2026-11-23', '2026-11-30', '2026-11-30'],
    });
  });

  it('unsubscribes every listener, so a remount (StrictMode) does not read twice per event', async () => {
    const r = await rig();
    r.unsubscribe();
    expect(r.fake.listenerCount()).toBe(0);
    subscribeSchedulesEvents(r.fake.client, r.queryClient);
    r.fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'A', tables: ['schedules'] });
    await settle();
    expect(r.counts().weeksA).toBe(2);
  });
});
