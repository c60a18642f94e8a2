import { describe, expect, it } from 'vitest';
import { createConsoleStore } from './index';

describe('the Publish screen picks (UI state only)', () => {
  it('forgets the schedule and the opened publish when the week changes', () => {
    const store = createConsoleStore();
    const s = () => store.getState();
    s().setPublish({ week: '2026-11-23', scheduleId: 's1', jobId: 'j1', holdScriptSessions: false });
    s().pickPublishWeek('2026-11-30');
    expect(s().publish).toMatchObject({ week: '2026-11-30', scheduleId: null, jobId: null, holdScriptSessions: false });
  });

  it('toggles agent state filters on and off', () => {
    const store = createConsoleStore();
    const s = () => store.getState();
    s().toggleAgentStatus('conflict');
    s().toggleAgentStatus('failed');
    expect(s().publish.agentStatuses).toEqual(['conflict', 'failed']);
    s().toggleAgentStatus('conflict');
    expect(s().publish.agentStatuses).toEqual(['failed']);
  });

  it('holds script sessions back by default (the safe choice on a busy morning)', () => {
    expect(createConsoleStore().getState().publish.holdScriptSessions).toBe(true);
  });
});
