/** What each socket message means, by the SDK's notification models. */
import { describe, expect, it } from 'vitest';
import { readSocketMessage } from './channel-events';

const message = (topicName: string, eventBody: unknown) => JSON.stringify({ topicName, eventBody });

describe('readSocketMessage', () => {
  it('reads a large query result on the user topic (WfmBuScheduleQueryResultTopicBuScheduleSearchResultNotification)', () => {
    const text = message('v2.workforcemanagement.users.user-1.schedules.query', {
      operationId: 'op-1',
      businessUnitId: 'bu-1',
      downloadUrl: 'https://download.example/1',
    });
    expect(readSocketMessage(text)).toEqual({
      kind: 'queryResult',
      event: { operationId: 'op-1', businessUnitId: 'bu-1', downloadUrl: 'https://download.example/1' },
    });
    // Without its download URL it tells nothing.
    expect(
      readSocketMessage(message('v2.workforcemanagement.users.user-1.schedules.query', { operationId: 'x' })),
    ).toEqual({
      kind: 'ignored',
      topicName: 'v2.workforcemanagement.users.user-1.schedules.query',
    });
  });

  it('reads the end of a schedule operation on the BU topic: Complete with the schedule, Error with no reason', () => {
    const topic = 'v2.workforcemanagement.businessunits.bu-1.schedules';
    const complete = readSocketMessage(
      message(topic, {
        status: 'Complete',
        operationId: 'op-2',
        eventType: 'Update',
        result: { id: 's-1', metadata: { version: 4 } },
      }),
    );
    expect(complete).toMatchObject({
      kind: 'operationFinished',
      event: { businessUnitId: 'bu-1', operationId: 'op-2', status: 'Complete', eventType: 'Update' },
      saved: { scheduleId: 's-1', version: 4 },
    });
    const error = readSocketMessage(message(topic, { status: 'Error', operationId: 'op-3', eventType: 'Import' }));
    expect(error).toEqual({
      kind: 'operationFinished',
      event: { businessUnitId: 'bu-1', operationId: 'op-3', status: 'Error', eventType: 'Import' },
      saved: null,
    });
    // Processing is progress, not the end; a status Genesys does not send is not an end either.
    for (const status of ['Processing', 'Failed'])
      expect(readSocketMessage(message(topic, { status, operationId: 'op-4', eventType: 'Update' })).kind).toBe(
        'ignored',
      );
  });
});
