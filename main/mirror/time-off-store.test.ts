import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimeOffRequestListItem } from '../genesys/client/schemas';
import { openDatabase } from './database';
import { createScriptSessionStore } from './script-session-store';
import { createTimeOffStore } from './time-off-store';

const db = () => openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-timeoff-'))).db;

const request = (id: string, dates: string[], status = 'APPROVED'): TimeOffRequestListItem => ({
  id,
  user: { id: `agent-${id}` },
  isFullDayRequest: true,
  activityCodeId: 'vacation',
  status,
  partialDayStartDateTimes: [],
  fullDayManagementUnitDates: dates,
  dailyDurationMinutes: 480,
  metadata: { version: 1 },
});

describe('time-off store', () => {
  it('replaces exactly the requests touching the synced range', () => {
    const d = db();
    const store = createTimeOffStore(d);
    const at = '2026-11-23T12:00:00.000Z';
    store.replaceRange(
      'mu',
      '2026-11-01',
      '2026-12-31',
      [
        request('before', ['2026-10-20']),
        request('scattered', ['2026-10-30', '2026-12-02']),
        request('gone', ['2026-11-24']),
      ],
      at,
    );
    // Later: a sync of one week; "gone" was cancelled, "scattered" skips that week (never asked for), "new" appeared.
    store.replaceRange('mu', '2026-11-23', '2026-11-29', [request('new', ['2026-11-25'], 'PENDING')], at);
    expect(d.prepare('SELECT id, first_date, last_date FROM time_off_requests ORDER BY id').raw().all()).toEqual([
      ['before', '2026-10-20', '2026-10-20'],
      ['new', '2026-11-25', '2026-11-25'],
      ['scattered', '2026-10-30', '2026-12-02'],
    ]);
  });
});

describe('script-session store', () => {
  it('keeps what was seen, closes what ended and drops open sessions of the window no longer seen', () => {
    const d = db();
    const store = createScriptSessionStore(d);
    const open = (id: string, start: string) => ({
      conversationId: id,
      agentId: `agent-${id}`,
      scriptId: 'script',
      start,
      end: null,
    });
    store.record(
      [
        open('a', '2026-11-23T10:00:00.000Z'),
        open('b', '2026-11-23T10:30:00.000Z'),
        open('old', '2026-11-23T01:00:00.000Z'),
      ],
      '2026-11-23T00:00:00.000Z',
      '2026-11-23T11:00:00.000Z',
    );
    store.record(
      [{ ...open('a', '2026-11-23T10:00:00.000Z'), end: '2026-11-23T11:30:00.000Z' }],
      '2026-11-23T04:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
    );
    expect(
      d.prepare('SELECT conversation_id, "end", seen_at FROM script_sessions ORDER BY conversation_id').raw().all(),
    ).toEqual([
      ['a', '2026-11-23T11:30:00.000Z', '2026-11-23T12:00:00.000Z'],
      // Started before the second window: the query could not have shown it, so it stays as last seen.
      ['old', null, '2026-11-23T11:00:00.000Z'],
    ]);
  });
});
