/**
 * The publish engine in its own process, for the crash test: the real
 * services on a data folder (secrets in the passphrase file vault, so a
 * restarted process signs in again), one publish driven to its end as a
 * headless supervisor would (confirm: true, every finding kind accepted, a
 * true conflict decided merge when offered, else mine). Prints one JSON line
 * per journaled transition, so the parent can SIGKILL it at a chosen point.
 *   node --import tsx test/publish/publish-child.ts <dataDir> <profileId> <businessUnitId> <week> <scheduleId> [pause]
 * `pause` is `commit:<n>` (the n-th journal commit of this run) or
 * `phase:<phase>` (the first commit entering that phase): the child blocks
 * right after that commit, before the transition's effects run, and says so
 * ({"paused": …}); a kill then lands between the journal and the call for
 * certain. On start, the services resume an unfinished publish by themselves.
 */
import { writeSync } from 'node:fs';
import { createServices } from '../../main/services';
import { fileOrMemoryVault } from '../../main/services/vault-choice';
import type { OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import type { PublishView } from '../../shared/contract/publish';

const [dataDir, profileId, businessUnitId, week, scheduleId, pause] = process.argv.slice(2);
if (!scheduleId) {
  console.error('usage: publish-child.ts <dataDir> <profileId> <businessUnitId> <week> <scheduleId> [pause]');
  process.exit(2);
}

/** The line a parent reads: written synchronously, so it is out before any pause or kill. */
const say = (line: object) => writeSync(1, `${JSON.stringify(line)}\n`);
/** The same instant as the sandbox's (its week is "this week"). */
const childNow = () => new Date('2026-11-23T12:00:00Z');

const [pauseKind, pauseAt] = (pause ?? '').split(':');
const services = await createServices({
  appName: 'Publish Desk',
  appVersion: '0.1.0-test',
  dataDir: dataDir!,
  mode: 'cli',
  vault: await fileOrMemoryVault(dataDir!, process.env, 'the crash test needs the file vault'),
  now: childNow,
  publish: { watchEveryMs: 50, operationTimeoutMs: 3_000 },
});

let commits = 0;
let wake: (() => void) | null = null;
services.events.attach((name, payload) => {
  if (name !== 'publish.changed') return;
  const { seq, phase } = payload as { seq: number; phase: string };
  commits += 1;
  say({ commit: commits, seq, phase });
  if ((pauseKind === 'commit' && commits === Number(pauseAt)) || (pauseKind === 'phase' && phase === pauseAt)) {
    say({ paused: seq, phase });
    // Inside the engine's commit callback: the step is on disk, its call not yet made.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  wake?.();
});

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as OpsResult<M>;
}

const job = await call('publish.start', {
  profileId: profileId!,
  businessUnitId: businessUnitId!,
  week: week!,
  scheduleId,
  confirm: true,
  acceptKinds: 'all',
});
say({ started: job.jobId });
let view: PublishView = await call('publish.state', { jobId: job.jobId });
// A stuck publish ends the child with what it stood at, so the parent fails with it instead of timing out.
for (const deadline = Date.now() + 45_000; view.phase !== 'done' && view.phase !== 'failed' && Date.now() < deadline;) {
  // A supervisor's decisions: each true conflict (found in preflight or on a rebase), then the confirm.
  const conflicted = view.agents.find((a) => a.status === 'conflict' && a.conflict);
  if (conflicted) {
    const choice = conflicted.conflict!.mergeOffered ? 'merge' : 'mine';
    say({ decided: conflicted.agentId, choice, phase: view.phase });
    view = await call('publish.decide', { jobId: view.jobId, agentId: conflicted.agentId, choice });
    continue;
  }
  if (view.phase === 'confirming' && view.decision?.confirm && view.decision.findings.length === 0) {
    view = await call('publish.confirm', { jobId: view.jobId });
    continue;
  }
  await new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, 50);
  });
  view = await call('publish.state', { jobId: view.jobId });
}
say({
  finished: {
    jobId: view.jobId,
    phase: view.phase,
    outcome: view.outcome,
    agents: view.agents.map((a) => ({ agentId: a.agentId, status: a.status, resolution: a.resolution })),
    steps: view.steps,
  },
});
await services.close();
process.exit(0);
