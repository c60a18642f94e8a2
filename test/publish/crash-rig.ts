/**
 * The rig of the publish crash test. In this process: the sandbox org (so
 * its state survives every kill of the engine), a kill proxy in front of its
 * API, and a data folder prepared once through the real services (profile
 * with its secret in the passphrase file vault, three weeks synced, pending
 * edits on each week's draft). The engine runs in a child process
 * (publish-child.ts) that the rig starts, and SIGKILLs at the point a plan
 * names, as often as the test asks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openPassphraseFileVault } from '../../main/genesys/vault/passphrase-file-vault';
import type { FaultName } from '../../main/sandbox/runtime';
import type { ScheduleState } from '../../main/sandbox/org/model';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { competingSave } from '../../main/sandbox/wfm/competing-editor';
import { vaultFileName } from '../../main/services/vault-choice';
import type { JobSnapshot, OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import type { AgentStatus, PublishStep } from '../../shared/contract/publish';
import { tempDataDir, tempServices } from '../support/temp-services';
import { startKillProxy, type KillProxy, type ProxiedCall } from './kill-proxy';

export const crashNow = () => new Date('2026-11-23T12:00:00Z');
const passphrase = 'crash-test passphrase';

/** Where a run is killed: after a journal commit (paused there), on an answer the proxy holds, or after a delay. */
export type KillPlan =
  | { at: 'commit'; n: number }
  | { at: 'phase'; phase: string }
  | { at: 'answer'; when: (call: ProxiedCall) => boolean; label: string }
  | { at: 'delay'; ms: number }
  | { at: 'never' };

export interface ChildFinish {
  jobId: string;
  phase: string;
  outcome: string | null;
  agents: Array<{ agentId: string; status: AgentStatus; resolution: string | null }>;
  steps: PublishStep[];
}

export interface ChildRun {
  killed: boolean;
  /** The journal commits this run made before it ended or was killed. */
  commits: number;
  /** Where it stood when killed: the last commit's phase, or the held answer. */
  killedAt: string | null;
  finished: ChildFinish | null;
  /** The phase of the last journal commit this run made ('' before the first). */
  lastPhase: string;
  /** The job `publish.start` answered this run (the first run's is the publish's own id). */
  started: string | null;
  /** The answers the sandbox gave this run (the dropped one included). */
  calls: ProxiedCall[];
}

export interface CrashRig {
  org: RunningSandbox;
  proxy: KillProxy;
  dataDir: string;
  profileId: string;
  businessUnitId: string;
  /** The draft of a synced week, with the agents whose first shift an edit moved by an hour. */
  drafts: Array<{ week: string; scheduleId: string; edited: string[] }>;
  schedule(id: string): ScheduleState;
  /** Another supervisor saves the schedule (1–3 agents, often ones we edit) while the engine is down. */
  otherEditorSaves(scheduleId: string, preferAgentIds: string[]): string[];
  /** One child run publishing `scheduleId`, killed as the plan says. */
  run(week: string, scheduleId: string, plan: KillPlan): Promise<ChildRun>;
  close(): Promise<void>;
}

export async function startCrashRig(opts: {
  seed: number;
  faults: FaultName[];
  weeks: string[];
  editsPerWeek: number;
}): Promise<CrashRig> {
  const org = await startSandbox({ seed: opts.seed, agents: 40, weeks: 9, now: crashNow, faults: opts.faults });
  const proxy = await startKillProxy(org.baseUrl);
  const dataDir = tempDataDir();
  const vault = await openPassphraseFileVault({ filePath: path.join(dataDir, vaultFileName), passphrase });
  const services = await tempServices({ now: crashNow, dataDir, vault });
  const call = async <M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> => {
    const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result as OpsResult<M>;
  };
  const unit = () => org.runtime.org.businessUnits.get(org.businessUnitId)!;
  const schedule = (id: string) => unit().schedules.get(id)!;
  const businessUnitId = org.businessUnitId;
  const drafts: CrashRig['drafts'] = [];
  let profileId = '';
  try {
    ({ id: profileId } = await call('connections.save', {
      name: 'Chicago',
      kind: 'custom',
      baseUrl: proxy.baseUrl,
      grantType: 'client_credentials',
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    }));
    const sync = (await call('sync.start', { profileId, businessUnitId, weeks: opts.weeks })) as JobSnapshot;
    const synced = await services.jobs.settled(sync.jobId);
    if (synced.state !== 'succeeded') throw new Error(`the sync ${synced.state}: ${synced.error?.message ?? ''}`);
    for (const week of opts.weeks) {
      const draft = [...unit().schedules.values()].find((s) => s.weekDate === week && !s.published)!;
      const agents = [...draft.agentSchedules.values()].filter((a) => a.shifts.length > 0).slice(0, opts.editsPerWeek);
      for (const a of agents)
        await call('edits.apply', {
          profileId,
          businessUnitId,
          scheduleId: draft.id,
          intent: { kind: 'moveShift', shiftId: a.shifts[0]!.id, byMinutes: 60 },
          agentIds: [a.userId],
          source: { type: 'direct' },
        });
      drafts.push({ week, scheduleId: draft.id, edited: agents.map((a) => a.userId) });
    }
  } finally {
    await services.close();
  }

  function run(week: string, scheduleId: string, plan: KillPlan): Promise<ChildRun> {
    const pause = plan.at === 'commit' ? [`commit:${plan.n}`] : plan.at === 'phase' ? [`phase:${plan.phase}`] : [];
    // Node itself with tsx as a loader: the tsx command would run the script in a grandchild SIGKILL never reaches.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/publish/publish-child.ts',
        dataDir,
        profileId,
        businessUnitId,
        week,
        scheduleId,
        ...pause,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PUBLISH_DESK_VAULT_PASSPHRASE: passphrase } },
    );
    const result: ChildRun = {
      killed: false,
      commits: 0,
      killedAt: null,
      finished: null,
      lastPhase: '',
      started: null,
      calls: [],
    };
    let lastPhase = '';
    const kill = (at: string) => {
      if (result.killedAt !== null) return;
      result.killedAt = at;
      child.kill('SIGKILL');
    };
    proxy.decide = (c) => {
      result.calls.push(c);
      if (plan.at !== 'answer' || result.killedAt !== null || !plan.when(c)) return false;
      result.killedAt = `${plan.label}: ${c.method} ${c.path} → ${c.status}`;
      return true;
    };
    proxy.onKill = () => child.kill('SIGKILL');
    let timer: NodeJS.Timeout | null = null;
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as {
        commit?: number;
        phase?: string;
        paused?: number;
        started?: string;
        finished?: ChildFinish;
      };
      if (line.started) result.started = line.started;
      if (line.commit !== undefined) {
        result.commits = line.commit;
        lastPhase = line.phase ?? '';
        result.lastPhase = lastPhase;
        if (plan.at === 'delay' && line.commit === 1) timer = setTimeout(() => kill(`after ${plan.ms} ms`), plan.ms);
      }
      if (line.paused !== undefined) kill(`paused after commit ${result.commits} (${lastPhase})`);
      if (line.finished) result.finished = line.finished;
    });
    return new Promise((resolve) =>
      child.on('exit', (_code, signal) => {
        if (timer) clearTimeout(timer);
        proxy.decide = () => false;
        result.killed = signal === 'SIGKILL';
        resolve(result);
      }),
    );
  }

  return {
    org,
    proxy,
    dataDir,
    profileId,
    businessUnitId,
    drafts,
    schedule,
    run,
    otherEditorSaves: (scheduleId, prefer) =>
      competingSave(org.runtime, unit(), schedule(scheduleId), prefer, org.clientId),
    async close() {
      await proxy.close();
      await org.close();
    },
  };
}
