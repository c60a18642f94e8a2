/**
 * Work is accepted first and applied later: an update answers `Processing`
 * while the schedule still reads as before; the content is checked when the
 * operation runs, and a failure ends it with a bare `Error` and nothing
 * written. Under `slow-async` a write can land without its notification.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../main/sandbox/server';
import { openSandbox, type SandboxSession } from './harness';
import { asUpload, operationEnd, scheduleHelpers } from './schedule-helpers';

const open: SandboxSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function session(options: SandboxOptions) {
  const s = await openSandbox({ seed: 13, agents: 120, ...options });
  open.push(s);
  return { s, h: scheduleHelpers(s), week: s.sandbox.runtime.manifest.weeks.find((w) => !w.published)! };
}

describe('accepted first, applied later', () => {
  it('reads the old version right after Processing, and the new one once the operation ran', async () => {
    const { h, week } = await session({ operationDelayMs: 400 });
    const version = await h.version(week);
    const listener = await h.listenToSchedules();
    const res = await h.update(week, { published: true, metadata: { version }, agentSchedules: [] });
    expect(res.body.status).toBe('Processing');
    expect(await h.metadata(week)).toMatchObject({ published: false, metadata: { version } });
    await operationEnd(listener, res.body.operationId);
    listener.close();
    expect(await h.metadata(week)).toMatchObject({ published: true, metadata: { version: version + 1 } });
  });

  it('ends an update whose content fails with a bare Error notification, writing nothing', async () => {
    const { h, week } = await session({ operationDelayMs: 10 });
    const agent = await h.cleanAgent(week);
    const version = await h.version(week);
    const [first] = agent.shifts!;
    const overlapping = {
      startDate: new Date(Date.parse(first!.startDate!) + 60 * 60_000).toISOString(),
      lengthMinutes: 120,
    };
    const listener = await h.listenToSchedules();
    const res = await h.update(week, {
      metadata: { version },
      agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, shifts: [overlapping] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('Processing');
    const end = await operationEnd(listener, res.body.operationId);
    listener.close();
    // Exactly what Genesys sends: no result, no reason.
    expect(end.eventBody).toEqual({ status: 'Error', operationId: res.body.operationId, eventType: 'Update' });
    expect(await h.version(week)).toBe(version);
    expect(await h.readAgent(week, agent.user!.id!)).toEqual(agent);
  });

  it('ends the second of two updates accepted at the same version with Error: the first saved in between', async () => {
    const { h, week } = await session({ operationDelayMs: 200 });
    const agent = await h.cleanAgent(week);
    const version = await h.version(week);
    const listener = await h.listenToSchedules();
    const [first, second] = agent.shifts!;
    const entry = (shift: typeof first) => ({
      userId: agent.user!.id,
      metadata: agent.metadata,
      shifts: [{ id: shift!.id, delete: true }],
    });
    const a = await h.update(week, { metadata: { version }, agentSchedules: [entry(first)] });
    const b = await h.update(week, { metadata: { version }, agentSchedules: [entry(second)] });
    expect([a.body.status, b.body.status]).toEqual(['Processing', 'Processing']);
    expect((await operationEnd(listener, a.body.operationId)).eventBody.status).toBe('Complete');
    expect((await operationEnd(listener, b.body.operationId)).eventBody.status).toBe('Error');
    listener.close();
    const after = await h.readAgent(week, agent.user!.id!);
    expect(after!.shifts!.map((x) => x.id)).toEqual(agent.shifts!.slice(1).map((x) => x.id));
    expect(await h.version(week)).toBe(version + 1);
  });
});

describe('slow-async', () => {
  it('applies a write whose notification never comes: only re-reading the version tells it landed', async () => {
    const { s, h, week } = await session({ faults: ['slow-async'], operationDelayMs: 5 });
    const listener = await h.listenToSchedules();
    const agent = await h.cleanAgent(week);
    let lost: { operationId: string; version: number } | undefined;
    for (let i = 0; i < 12 && !lost; i++) {
      const meta = await h.metadata(week);
      const current = (await h.readAgent(week, agent.user!.id!))!;
      const shift = current.shifts![0]!;
      const res = await h.update(week, {
        metadata: meta.metadata,
        agentSchedules: [
          {
            userId: agent.user!.id,
            metadata: current.metadata,
            shifts: [{ ...asUpload(shift), manuallyEdited: i % 2 === 0 }],
          },
        ],
      });
      expect(res.body.status).toBe('Processing');
      // The write lands long after the answer (20–30 times the base delay).
      expect(await h.version(week)).toBe(meta.metadata!.version);
      const deadline = Date.now() + 2_000;
      while ((await h.version(week)) === meta.metadata!.version && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(await h.version(week)).toBe(meta.metadata!.version + 1);
      await new Promise((r) => setTimeout(r, 100));
      if (!listener.events.some((e) => e.eventBody.operationId === res.body.operationId))
        lost = { operationId: res.body.operationId!, version: meta.metadata!.version + 1 };
    }
    listener.close();
    expect(lost).toBeDefined();
    expect(await h.version(week)).toBe(lost!.version);
    expect(s.sandbox.runtime.faults.active.has('slow-async')).toBe(true);
  });
});
