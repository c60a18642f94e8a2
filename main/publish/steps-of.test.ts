import { describe, expect, it } from 'vitest';
import type { PublishEvent } from '../../shared/publish/machine-events';
import { decisionOf } from './steps-of';

const week = { shifts: [], fullDayTimeOffMarkers: [] };
const start = (edited: number, unedited: number): PublishEvent =>
  ({
    type: 'start',
    at: 0,
    schedule: { version: 3, published: false },
    agents: [
      ...Array.from({ length: edited }, (_, i) => ({ agentId: `e${i}`, base: { week, version: 1 }, mine: week })),
      ...Array.from({ length: unedited }, (_, i) => ({ agentId: `u${i}`, base: { week, version: 1 }, mine: null })),
    ],
  }) as unknown as PublishEvent;

describe('the start step in words', () => {
  it('counts the edited agents as pending edits', () => {
    expect(decisionOf(start(40, 0), 'preflight')?.request).toBe(
      'start: 40 agents with pending edits, schedule version 3',
    );
  });

  it("says apart a draft's agents it does not edit but whose week it changes", () => {
    expect(decisionOf(start(40, 29), 'preflight')?.request).toBe(
      'start: 40 agents with pending edits and 29 agents not edited whose week the draft changes, schedule version 3',
    );
  });
});
