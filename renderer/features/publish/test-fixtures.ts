/** Views as main's journal answers them, for the Publish screen's unit tests. */
import type { PublishAgentView, PublishStep, PublishSummary, PublishView } from '../../../shared/contract/publish';

export function step(seq: number, patch: Partial<PublishStep> = {}): PublishStep {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)).toISOString(),
    answeredAt: null,
    phase: 'uploading',
    kind: 'reread',
    attempt: null,
    request: '',
    status: 'answered',
    httpStatus: 200,
    contextId: null,
    waitReason: null,
    waitUntil: null,
    note: '',
    ...patch,
  };
}

export function agent(agentId: string, patch: Partial<PublishAgentView> = {}): PublishAgentView {
  return {
    agentId,
    agentName: `Agent ${agentId}`,
    status: 'pending',
    edited: true,
    note: null,
    hold: null,
    conflict: null,
    resolution: null,
    changedBy: [],
    baseVersion: 1,
    intendedShiftCount: 5,
    changes: true,
    ...patch,
  };
}

export function summary(jobId: string, patch: Partial<PublishSummary> = {}): PublishSummary {
  return {
    jobId,
    profileId: 'p',
    businessUnitId: 'bu',
    scheduleId: 's1',
    week: '2026-11-23',
    phase: 'uploading',
    outcome: null,
    running: false,
    cancelled: false,
    createdAt: '2026-11-23T06:00:00.000Z',
    updatedAt: '2026-11-23T06:00:00.000Z',
    counts: { pending: 0, applied: 0, held: 0, conflict: 0, failed: 0 },
    ...patch,
  };
}

export function view(jobId: string, seq: number, patch: Partial<PublishView> = {}): PublishView {
  return {
    ...summary(jobId),
    runJobId: jobId,
    message: 'Uploading',
    schedule: { version: 3, published: false },
    attempt: 1,
    waiting: null,
    preflight: [],
    decision: null,
    heldReadyAgentIds: [],
    agents: [],
    steps: [],
    seq,
    ...patch,
  };
}
