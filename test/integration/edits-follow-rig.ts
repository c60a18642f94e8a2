/**
 * The rig of the edits-follow-* tests: real services synced from the sandbox
 * org (current week: its published schedule with planted problems, and the
 * draft revision), called through the contract's dispatcher, with every
 * event the services emit kept, and the sandbox's own data to check against.
 */
import type { RunningSandbox } from '../../main/sandbox/server';
import { startSandbox } from '../../main/sandbox/server';
import type { AgentScheduleState, PlantedProblem, ScheduleState } from '../../main/sandbox/org/model';
import type { Services } from '../../main/services';
import type { JobSnapshot, OpsArgs, OpsEventName, OpsEvents, OpsMethodName, OpsResult } from '../../shared/contract';
import type { EditContext } from '../../shared/edits/context';
import type { AgentWeek } from '../../shared/publish/agent-week';
import { tempDataDir, tempServices } from '../support/temp-services';

export const now = () => new Date('2026-11-23T12:00:00Z');
export const week = '2026-11-23';

export interface FollowRig {
  org: RunningSandbox;
  services: Services;
  profileId: string;
  businessUnitId: string;
  dataDir: string;
  call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>>;
  /** Events emitted since the last `take`, of one name. */
  take<E extends OpsEventName>(name: E): Array<OpsEvents[E]>;
  schedule(id: string): ScheduleState;
  /** Planted problems of the current week, of one kind. */
  planted(kind: PlantedProblem['kind']): PlantedProblem[];
  /** The agent's week as the sandbox holds it (what the mirror copied). */
  sandboxWeek(scheduleId: string, agentId: string): AgentWeek;
  editContext(): Promise<EditContext>;
  close(): Promise<void>;
}

export async function startFollowRig(seed = 71): Promise<FollowRig> {
  const org = await startSandbox({ seed, agents: 40, now });
  const dataDir = tempDataDir();
  const services = await tempServices({ now, dataDir });
  const seen: Array<{ name: OpsEventName; payload: unknown }> = [];
  services.events.attach((name, payload) => seen.push({ name, payload }));

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
  const job = (await call('sync.start', {
    profileId,
    businessUnitId: org.businessUnitId,
    weeks: [week],
  })) as JobSnapshot;
  const settled = await services.jobs.settled(job.jobId);
  if (settled.state !== 'succeeded') throw new Error(`the sync ${settled.state}`);

  const unit = () => org.runtime.org.businessUnits.get(org.businessUnitId)!;
  const schedule = (id: string) => unit().schedules.get(id)!;
  return {
    org,
    services,
    profileId,
    businessUnitId: org.businessUnitId,
    dataDir,
    call,
    take<E extends OpsEventName>(name: E) {
      const out = seen.filter((e) => e.name === name).map((e) => e.payload as OpsEvents[E]);
      seen.length = 0;
      return out;
    },
    schedule,
    planted: (kind) => org.runtime.manifest.planted.filter((p) => p.kind === kind && p.weekDate === week),
    sandboxWeek(scheduleId, agentId) {
      const a = schedule(scheduleId).agentSchedules.get(agentId) as AgentScheduleState;
      return {
        shifts: a.shifts.map((s) => ({
          id: s.id,
          startDate: s.startDate,
          lengthMinutes: s.lengthMinutes,
          activities: s.activities.map((x) => ({ ...x })),
        })),
        fullDayTimeOffMarkers: a.fullDayTimeOffMarkers.map((m) => ({ ...m })),
      };
    },
    async editContext() {
      const legend = await call('timeline.legend', { profileId, businessUnitId: org.businessUnitId });
      return { timeZone: unit().timeZone, activityCodes: legend.activityCodes };
    },
    async close() {
      await services.close();
      await org.close();
    },
  };
}
