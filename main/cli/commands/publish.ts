/**
 * `publish-desk publish --profile P --bu B --week W [--schedule ID] [--hold-script-sessions] [--accept KIND,…|all] [--json]`:
 * the guided publish, headless, on the same engine as the console. It goes
 * on from "what changes for whom" by itself, streams every step of the
 * timeline as it is journaled, and prints the report. Held agents are
 * published as their sessions end. Exit 0 only when everything intended is
 * published; 4 when a true conflict or an error finding (of a kind not
 * accepted) needs a decision, or agents stay held; 5 when Genesys Cloud was
 * unavailable. Killed mid-publish, the next run resumes the journaled publish
 * (the services reconcile it with Genesys first) instead of starting anew.
 */
import type { PublishStep, PublishView } from '../../../shared/contract/publish';
import { CommandFailure, type CliContext } from '../context';
import { exitCodes, UsageError } from '../exit-codes';
import { weekSchedules, type WeekFlags } from './edits';
import { findProfile } from './profile';
import { signInForRun } from './run-secret';

export interface PublishFlags extends WeekFlags {
  'hold-script-sessions'?: boolean;
  accept?: string;
}

const stopsForDecision = (v: PublishView) =>
  v.phase === 'conflict' ||
  v.phase === 'reviewing' ||
  (v.phase === 'confirming' &&
    v.decision !== null &&
    (v.decision.conflictAgentIds.length > 0 || v.decision.findings.length > 0));

const finished = (v: PublishView) => v.phase === 'done' || v.phase === 'failed' || v.cancelled || stopsForDecision(v);

function stepLine(s: PublishStep): string {
  const answer = s.httpStatus !== null ? ` → ${s.httpStatus}` : s.status === 'waiting' ? ` until ${s.waitUntil}` : '';
  const ctx = s.contextId ? ` [contextId ${s.contextId}]` : '';
  return `  ${String(s.seq).padStart(3)} ${s.phase.padEnd(17)} ${s.request}${answer}${ctx}${s.note ? ` — ${s.note}` : ''}`;
}

export function exitCodeOf(v: PublishView): number {
  if (v.phase === 'done') return v.counts.held > 0 || v.counts.failed > 0 ? exitCodes.conflict : exitCodes.ok;
  if (v.phase !== 'failed') return exitCodes.conflict;
  const last = [...v.steps]
    .reverse()
    .find((s) => s.kind !== 'decision' && s.kind !== 'wait' && s.status === 'answered');
  if (last && (last.httpStatus === null || last.httpStatus >= 500 || last.httpStatus === 429))
    return exitCodes.unavailable;
  return last && (last.httpStatus === 409 || last.httpStatus === 400) ? exitCodes.conflict : exitCodes.failed;
}

/** The run's job, when it failed or was cancelled: its error, as every command reports one. */
async function runEnded(ctx: CliContext, runJobId: string): Promise<void> {
  const job = await ctx.call('job.status', { jobId: runJobId });
  if (job.state === 'failed' || job.state === 'cancelled')
    throw new CommandFailure(
      job.error ?? {
        code: 'failed',
        message: 'The publish stopped before it ended; run the command again to resume it from its journal.',
      },
    );
}

export async function publishCommand(ctx: CliContext, flags: PublishFlags): Promise<number> {
  const { profileId, businessUnit, week, schedules } = await weekSchedules(ctx, 'publish', flags);
  const accept = flags.accept?.trim();
  const acceptKinds =
    accept === 'all'
      ? ('all' as const)
      : accept
        ? accept
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean)
        : [];
  if (accept !== undefined && acceptKinds !== 'all' && acceptKinds.length === 0)
    throw new UsageError('--accept takes finding kinds separated by commas, or all');
  const scheduleId = flags.schedule ?? (schedules.length === 1 ? schedules[0]!.scheduleId : undefined);
  // The publish calls Genesys: the secret of this run (as sync takes it), else its token request has none.
  await signInForRun(ctx, await findProfile(ctx, profileId));
  let printed = 0;
  let preflightShown = false;
  let wake: (() => void) | null = null;
  const detach = ctx.services.events.attach((name) => {
    if (name === 'publish.changed') wake?.();
  });
  try {
    const job = await ctx.call('publish.start', {
      profileId,
      businessUnitId: businessUnit.id,
      week,
      ...(scheduleId ? { scheduleId } : {}),
      holdScriptSessions: flags['hold-script-sessions'] === true,
      acceptKinds,
      confirm: true,
      autoReleaseHeld: true,
    });
    let view = await ctx.call('publish.state', { jobId: job.jobId });
    if (!ctx.json) ctx.err(`Publishing ${businessUnit.name}, week of ${week} (publish ${view.jobId}):`);
    for (;;) {
      if (!ctx.json) for (const s of view.steps.slice(printed)) ctx.err(stepLine(s));
      printed = view.steps.length;
      // Once, when preflight is done: what the Publish screen shows as its items (the channel's among them).
      if (!ctx.json && !preflightShown && view.preflight.length > 0) {
        for (const item of view.preflight) ctx.err(`  preflight ${item.item}: ${item.level} — ${item.reason}`);
        preflightShown = true;
      }
      if (finished(view)) break;
      // The run ended without the journal ending (a fault of ours, a sign-in lost): say why, never wait for good.
      if (!view.running && view.runJobId) await runEnded(ctx, view.runJobId);
      // Woken by the next journaled step, or after a while to show a countdown's end.
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000).unref();
      });
      view = await ctx.call('publish.state', { jobId: view.jobId });
    }
    const report = await ctx.call('publish.report', { jobId: view.jobId, format: 'json' });
    if (ctx.json) ctx.out(JSON.stringify(report.report));
    else {
      ctx.out(`${view.phase}: ${view.outcome ?? view.message}`);
      for (const a of view.agents) ctx.out(`  ${a.agentName ?? a.agentId}: ${a.status}${a.note ? ` (${a.note})` : ''}`);
      if (view.decision?.conflictAgentIds.length)
        ctx.out(`Decide the true conflicts in the console (Publish screen), or run again after resolving them.`);
      if (view.decision?.findings.length)
        ctx.out(
          `Error findings stop the publish: fix them, or pass --accept ${[...new Set(view.decision.findings.map((f) => f.kind))].join(',')}.`,
        );
    }
    return exitCodeOf(view);
  } finally {
    detach();
  }
}
