/**
 * The upload builder by example: an unedited draft, a kept, a new and a
 * removed shift, plans it refuses; and the content check that compares what
 * Genesys has with what was sent. The property test over random weeks is in
 * upload-builder.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  agentUploadEntries,
  agentUploadEntry,
  agentWeekMatches,
  AgentWeekPlanError,
  buildScheduleUpload,
  type AgentWeek,
  type WeekMarker,
  type WeekShift,
} from './upload-builder';

describe('the upload builder', () => {
  const shift = (id: string | undefined, startDate: string): WeekShift => ({
    ...(id ? { id } : {}),
    startDate,
    lengthMinutes: 480,
    activities: [{ startDate, lengthMinutes: 30, activityCodeId: 'break', paid: false }],
    workPlanId: 'wp-1',
  });
  const current = {
    version: 7,
    shifts: [shift('s-1', '2026-11-23T14:00:00.000Z'), shift('s-2', '2026-11-24T14:00:00.000Z')],
    fullDayTimeOffMarkers: [
      { businessUnitDate: '2026-11-25', lengthMinutes: 480, activityCodeId: 'pto', timeOffRequestId: 't-1' },
    ],
  };

  it('an unedited draft sends no agents', () => {
    const upload = buildScheduleUpload({
      scheduleVersion: 12,
      published: true,
      agents: [{ userId: 'a', current, intended: structuredClone(current) }],
    });
    expect(upload).toEqual({ metadata: { version: 12 }, published: true, agentSchedules: [] });
  });

  it('sends the kept shift whole, the new one without id, the removed ones as delete, with the agent version', () => {
    const entry = agentUploadEntry({
      userId: 'a',
      current,
      intended: {
        shifts: [shift('s-1', '2026-11-23T14:00:00.000Z'), shift(undefined, '2026-11-26T14:00:00Z')],
        fullDayTimeOffMarkers: [],
      },
    });
    expect(entry).toEqual({
      userId: 'a',
      metadata: { version: 7 },
      shifts: [
        {
          id: 's-1',
          startDate: '2026-11-23T14:00:00.000Z',
          lengthMinutes: 480,
          activities: [
            {
              startDate: '2026-11-23T14:00:00.000Z',
              lengthMinutes: 30,
              activityCodeId: 'break',
              paid: false,
              description: '',
            },
          ],
          workPlanId: { value: 'wp-1' },
        },
        {
          startDate: '2026-11-26T14:00:00Z',
          lengthMinutes: 480,
          activities: [
            {
              startDate: '2026-11-26T14:00:00Z',
              lengthMinutes: 30,
              activityCodeId: 'break',
              paid: false,
              description: '',
            },
          ],
          workPlanId: { value: 'wp-1' },
        },
        { id: 's-2', delete: true },
      ],
      fullDayTimeOffMarkers: [
        {
          businessUnitDate: '2026-11-25',
          lengthMinutes: 480,
          activityCodeId: 'pto',
          timeOffRequestId: 't-1',
          delete: true,
        },
      ],
    });
  });

  it('refuses a plan Genesys could not read one way', () => {
    const intended = { shifts: [shift('s-9', '2026-11-23T14:00:00Z')], fullDayTimeOffMarkers: [] };
    expect(() => agentUploadEntry({ userId: 'a', current, intended })).toThrow(AgentWeekPlanError);
    const twice = {
      ...current,
      fullDayTimeOffMarkers: [...current.fullDayTimeOffMarkers, ...current.fullDayTimeOffMarkers],
    };
    expect(() => agentUploadEntry({ userId: 'a', current, intended: twice })).toThrow(/two full-day/);
    expect(() =>
      agentUploadEntries([
        { userId: 'a', current, intended: current },
        { userId: 'a', current, intended: current },
      ]),
    ).toThrow(/twice/);
  });
});

describe('agentWeekMatches: is what Genesys has now what was sent?', () => {
  const sent: AgentWeek = {
    shifts: [
      { id: 's-1', startDate: '2026-11-23T14:00:00Z', lengthMinutes: 510, activities: [] },
      {
        startDate: '2026-11-24T14:00:00Z',
        lengthMinutes: 480,
        activities: [{ startDate: '2026-11-24T16:00:00Z', lengthMinutes: 15, activityCodeId: 'break' }],
      },
    ],
    fullDayTimeOffMarkers: [{ businessUnitDate: '2026-11-26', lengthMinutes: 480, activityCodeId: 'pto' }],
  };
  /** As Genesys stores it: an id for the new shift, and the optional fields filled in. */
  const stored = (): AgentWeek => ({
    shifts: [
      { id: 's-1', startDate: '2026-11-23T14:00:00.000Z', lengthMinutes: 510, activities: [], manuallyEdited: true },
      {
        id: 'g-7',
        startDate: '2026-11-24T14:00:00.000Z',
        lengthMinutes: 480,
        manuallyEdited: true,
        activities: [
          {
            startDate: '2026-11-24T16:00:00Z',
            lengthMinutes: 15,
            activityCodeId: 'break',
            description: '',
            paid: false,
          },
        ],
      },
    ],
    fullDayTimeOffMarkers: [
      { businessUnitDate: '2026-11-26', lengthMinutes: 480, activityCodeId: 'pto', startOffsetMinutes: 0, paid: true },
    ],
  });

  it('matches what Genesys filled in, and the new shift under its new id', () => {
    expect(agentWeekMatches(stored(), sent)).toBe(true);
  });

  it('does not match another length, a missing or extra shift, or another marker', () => {
    const longer = stored();
    (longer.shifts[0] as WeekShift).lengthMinutes = 540;
    expect(agentWeekMatches(longer, sent)).toBe(false);
    expect(agentWeekMatches({ ...stored(), shifts: stored().shifts.slice(0, 1) }, sent)).toBe(false);
    expect(agentWeekMatches({ ...stored(), shifts: [...stored().shifts, stored().shifts[1]!] }, sent)).toBe(false);
    expect(agentWeekMatches({ ...stored(), fullDayTimeOffMarkers: [] }, sent)).toBe(false);
    const otherCode = stored();
    (otherCode.fullDayTimeOffMarkers[0] as WeekMarker).activityCodeId = 'sick';
    expect(agentWeekMatches(otherCode, sent)).toBe(false);
  });
});
