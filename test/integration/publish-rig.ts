/**
 * The rig of the publish-* tests: real services synced from the sandbox org
 * under a fault profile, a draft of the current week with pending edits made
 * through the contract, the publish run through the contract, and the
 * sandbox's own data and request count to check against.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import type { FaultName } from '../../main/sandbox/runtime';
import type { ScheduleState } from '../../main/sandbox/org/model';
import type { Services } from '../../main/services';
import type { PublishClock } from '../../main/services/publish/publish-runs';
import type { JobSnapshot, OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import type { PublishView } from '../../shared/contract/publish';
import { tempDataDir, tempServices } from '../support/temp-services';

export const now = () => new Date('2026-11-23T12:00:00Z');
export const week = '2026-11-23';

export interface PublishRig {
  org: RunningSandbox;
  services: Services;
  profileId: string;
  businessUnitId: string;
  dataDir: string;
  call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>>;
  /** The week's schedule that is not published (the draft revision). */
  draft(): ScheduleState;
  schedule(id: string): ScheduleState;
  /** Moves the first shift of each agent by `byMinutes` as one pending edit each; answers the agents. */
  editAgents(scheduleId: string, count: number, byMinutes?: number, skip?: number): Promise<string[]>;
  /** Starts the publish and waits for its run to end; answers the view. */
  publish(args?: Partial<OpsArgs<'publish.start'>>): Promise<PublishView>;
  /** Starts the publish; answers its id at once. */
  start(args?: Partial<OpsArgs<'publish.start'>>): Promise<string>;
  /** The view once its phase is one of `phases` (read from the journal, as a window would). */
  until(jobId: string, phases: PublishView['phase'][], timeoutMs?: number): Promise<PublishView>;
  /** Shift ids other editors (not this app's client) changed in a schedule, per agent. */
  theirShiftIds(scheduleId: string): Map<string, Set<string>>;
  /** Adds one 4-hour shift on a day each agent has free, as one pending edit each; answers the agents and starts. */
  addShifts(scheduleId: string, count: number, skip?: number): Promise<Array<{ agentId: string; start: number }>>;
  /** The ids of the week's published schedules in the sandbox (one, once anything is published). */
  publishedOfWeek(): string[];
  close(): Promise<void>;
}

export interface RigOptions {
  seed?: number;
  faults?: FaultName[];
  agents?: number;
  clock?: PublishClock;
  sandboxNow?: () => Date;
  rateLimitPerMinute?: number;
  dataDir?: string;
  /** Any other sandbox setting (e.g. a short `faultHangMs`, a long `operationDelayMs`). */
  sandbox?: Partial<SandboxOptions>;
}

export async function startPublishRig(options: RigOptions = {}): Promise<PublishRig> {
  const org = await startSandbox({
    seed: options.seed ?? 81,
    agents: options.agents ?? 40,
    now: options.sandboxNow ?? now,
    faults: options.faults ?? ['calm'],
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    ...options.sandbox,
  });
  const dataDir = options.dataDir ?? tempDataDir();
  const services = await tempServices({
    now,
    dataDir,
    publish: { watchEveryMs: 50, operationTimeoutMs: 3_000, ...(options.clock ? { clock: options.clock } : {}) },
  });
  async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
    const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result as OpsResult<M>;
  }
  const { id: profileId } = await call('connections.save', {
    name: 'Chicago',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  const sync = (await call('sync.start', {
    profileId,
    businessUnitId: org.businessUnitId,
    weeks: [week],
  })) as JobSnapshot;
  const synced = await services.jobs.settled(sync.jobId);
  if (synced.state !== 'succeeded') throw new Error(`the sync ${synced.state}: ${synced.error?.message ?? ''}`);
  const unit = () => org.runtime.org.businessUnits.get(org.businessUnitId)!;
  const schedule = (id: string) => unit().schedules.get(id)!;
  const businessUnitId = org.businessUnitId;
  return {
    org,
    services,
    profileId,
    businessUnitId,
    dataDir,
    call,
    schedule,
    draft: () => [...unit().schedules.values()].find((s) => s.weekDate === week && !s.published)!,
    async editAgents(scheduleId, count, byMinutes = 60, skip = 0) {
      const agents = [...schedule(scheduleId).agentSchedules.values()]
        .filter((a) => a.shifts.length > 0)
        .slice(skip, skip + count);
      for (const a of agents)
        await call('edits.apply', {
          profileId,
          businessUnitId,
          scheduleId,
          intent: { kind: 'moveShift', shiftId: a.shifts[0]!.id, byMinutes },
          agentIds: [a.userId],
          source: { type: 'direct' },
        });
      return agents.map((a) => a.userId);
    },
    async start(args = {}) {
      const job = await call('publish.start', {
        profileId,
        businessUnitId,
        week,
        confirm: true,
        acceptKinds: 'all',
        ...args,
      });
      return job.jobId;
    },
    async until(jobId, phases, timeoutMs = 30_000) {
      for (const deadline = Date.now() + timeoutMs; ;) {
        const view = await call('publish.state', { jobId });
        if (phases.includes(view.phase)) return view;
        if (Date.now() > deadline) throw new Error(`publish still ${view.phase}: ${view.outcome ?? ''}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    theirShiftIds(scheduleId) {
      const out = new Map<string, Set<string>>();
      for (const [agentId, h] of schedule(scheduleId).agentHistory ?? [])
        for (const c of h.changes)
          if (c.modifiedByUserId !== org.clientId)
            for (const sh of c.shifts) out.set(agentId, new Set([...(out.get(agentId) ?? []), sh.id]));
      return out;
    },
    async addShifts(scheduleId, count, skip = 0) {
      const agents = [...schedule(scheduleId).agentSchedules.values()]
        .filter((a) => a.shifts.some((sh) => sh.activities.length > 0))
        .slice(skip, skip + count);
      const added: Array<{ agentId: string; start: number }> = [];
      for (const a of agents) {
        const busy = a.shifts.map((sh) => [
          Date.parse(sh.startDate),
          Date.parse(sh.startDate) + sh.lengthMinutes * 60_000,
        ]);
        // 14:00 UTC (morning in the Americas) on the first day of the week whose neighbourhood holds no shift.
        const start = [0, 1, 2, 3, 4, 5, 6]
          .map((d) => Date.parse(`${week}T14:00:00Z`) + d * 86_400_000)
          .find(
            (t) =>
              busy.every(([b, e]) => e! <= t - 12 * 3_600_000 || b! >= t + 16 * 3_600_000) &&
              !a.fullDayTimeOffMarkers.some((m) => m.businessUnitDate === new Date(t).toISOString().slice(0, 10)),
          );
        if (start === undefined) continue;
        const code = a.shifts.find((sh) => sh.activities.length > 0)!.activities[0]!.activityCodeId;
        await call('edits.apply', {
          profileId,
          businessUnitId,
          scheduleId,
          intent: {
            kind: 'addShift',
            startDate: new Date(start).toISOString(),
            lengthMinutes: 240,
            activities: [{ startDate: new Date(start).toISOString(), lengthMinutes: 240, activityCodeId: code }],
          },
          agentIds: [a.userId],
          source: { type: 'direct' },
        });
        added.push({ agentId: a.userId, start });
      }
      return added;
    },
    publishedOfWeek: () =>
      [...unit().schedules.values()].filter((s) => s.weekDate === week && s.published).map((s) => s.id),
    async publish(args = {}) {
      const job = await call('publish.start', {
        profileId,
        businessUnitId,
        week,
        confirm: true,
        acceptKinds: 'all',
        ...args,
      });
      await services.jobs.settled(job.jobId);
      return call('publish.state', { jobId: job.jobId });
    },
    async close() {
      await services.close();
      await org.close();
    },
  };
}
