/**
 * How long an edit holds the services' loop for its findings: one agent's
 * edit waits (its answer comes in a few ms), a bulk edit does not (its answer
 * cannot come within the wait, and arrives through the loop anyway).
 */
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../main/services/analysis/analysis-service';
import { waitedEditAgents } from '../../main/services/analysis/edit-follower';
import { createEventHub } from '../../main/services/event-hub';
import type { HeavyWork } from '../../main/services/heavy/heavy-work';
import { businessUnitId, draftId, mirroredUnit } from '../mirror/edits-fixtures';

function rig() {
  const waits: number[] = [];
  const heavy = {
    askFollower: () => ({ wait: (ms: number) => (waits.push(ms), true) }),
    followerIdle: () => Promise.resolve(),
  } as unknown as HeavyWork;
  const events = createEventHub();
  createAnalysisService({ db: mirroredUnit(1).db, events, heavy, followWaitMs: 40 });
  const changed = (agentsChanged?: number) =>
    events.emit('edits.changed', {
      businessUnitId,
      scheduleId: draftId,
      count: 1,
      canUndo: true,
      canRedo: false,
      ...(agentsChanged === undefined ? {} : { agentsChanged }),
    });
  return { waits, changed };
}

describe('the edit follower’s wait', () => {
  it('waits for an edit of a few agents, and when the sender did not say how many', () => {
    const r = rig();
    r.changed(1);
    r.changed(waitedEditAgents);
    r.changed();
    expect(r.waits).toEqual([40, 40, 40]);
  });

  it('does not hold the loop for a bulk edit’s findings', () => {
    const r = rig();
    r.changed(waitedEditAgents + 1);
    r.changed(1500);
    expect(r.waits).toEqual([]);
  });
});
