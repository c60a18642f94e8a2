/**
 * A content failure Genesys reports only as `Error` (the operation's
 * notification carries no reason): the sandbox's test switch makes every
 * accepted update's operation end `Error` with nothing written. The publish
 * re-reads, sees nothing was written and nobody else saved, analyses what it
 * meant to send, and stops with a report in words (what happened, what to do)
 * after one update: no blind resend, no loop. One-click Retry, once Genesys
 * takes the content again, publishes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublishRig, type PublishRig } from './publish-rig';

let rig: PublishRig;
beforeAll(async () => {
  rig = await startPublishRig({ seed: 83, agents: 20 });
}, 60_000);
afterAll(async () => rig?.close());

describe('an operation that ends Error', () => {
  it('ends in a clear report after one update, and Retry publishes once Genesys accepts it', async () => {
    const draft = rig.draft();
    const firstShift = new Map(
      [...draft.agentSchedules.values()].map((a) => [a.userId, Date.parse(a.shifts[0]?.startDate ?? '')]),
    );
    const edited = await rig.editAgents(draft.id, 3);
    const versionBefore = draft.version;
    rig.org.runtime.config.failUpdateOperations = true;
    const failed = await rig.publish({ scheduleId: draft.id });

    expect(failed.phase).toBe('failed');
    expect(failed.outcome).toMatch(/^Genesys ended the publish with Error and nothing was written/);
    // What to do is said, too; no stack trace, no bare "Error".
    expect(failed.outcome).toMatch(/Retry/);
    expect(failed.outcome).not.toMatch(/\bat \w+ \(|Error:/);
    // Every agent the draft's publish would change failed with it: the edited ones, and (the draft is published
    // over the week) its unedited agents whose week differs from what they see now.
    expect(failed.counts).toMatchObject({ failed: failed.agents.length, applied: 0 });
    expect(
      failed.agents
        .filter((a) => a.edited)
        .map((a) => a.agentId)
        .sort(),
    ).toEqual([...edited].sort());
    for (const a of failed.agents) expect(a.note).toBe(failed.outcome);
    // Bounded: one update sent, its operation's Error, one re-read that finds nothing written (then the analysis).
    const kinds = failed.steps.filter((s) => s.kind !== 'decision').map((s) => s.kind);
    expect(kinds.filter((k) => k === 'sendUpdate')).toHaveLength(1);
    expect(kinds.slice(kinds.lastIndexOf('sendUpdate'))).toEqual(['sendUpdate', 'awaitOperation', 'reread']);
    expect(failed.outcome).toMatch(/the analysis finds/);
    expect(failed.steps.find((s) => s.kind === 'awaitOperation')!.note).toMatch(/failed \(Error\)/);
    // Nothing was written.
    const unchanged = rig.schedule(draft.id);
    expect({ version: unchanged.version, published: unchanged.published }).toEqual({
      version: versionBefore,
      published: false,
    });
    for (const id of edited)
      expect(unchanged.agentSchedules.get(id)!.shifts.map((s) => Date.parse(s.startDate))).toContain(
        firstShift.get(id),
      );
    const report = await rig.call('publish.report', { jobId: failed.jobId, format: 'json' });
    expect(report.report.agents.map((a) => a.status)).toEqual(failed.agents.map(() => 'failed'));

    // The supervisor's one click, once Genesys accepts the content: published, every edit once.
    rig.org.runtime.config.failUpdateOperations = false;
    await rig.call('publish.retry', { jobId: failed.jobId });
    const done = await rig.until(failed.jobId, ['done', 'failed', 'conflict', 'reviewing', 'held']);
    expect({ phase: done.phase, outcome: done.outcome }).toEqual({ phase: 'done', outcome: done.outcome });
    const after = rig.schedule(draft.id);
    expect(after.version).toBe(versionBefore + 1);
    for (const id of edited)
      expect(
        after.agentSchedules.get(id)!.shifts.filter((s) => Date.parse(s.startDate) === firstShift.get(id)! + 3_600_000),
      ).toHaveLength(1);
  }, 60_000);
});
