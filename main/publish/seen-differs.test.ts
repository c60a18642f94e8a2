/**
 * Which unedited agents a publish over a published week changes: the packed weeks' answer must be the rows'
 * (the publish tracks those agents, so they can be held back), and the rows answer when a packed week cannot
 * be trusted.
 */
import { describe, expect, it } from 'vitest';
import { generatedMirror } from '../../test/mirror/edits-fixtures';
import { seenDiffers, seenDiffersFromRows, type SeenDiffers, type SeenSpan } from './seen-differs';

/** The BU week of 23 Nov 2026 in Chicago (the fixtures' BU zone). */
const span: SeenSpan = {
  start: Date.parse('2026-11-23T06:00:00Z'),
  end: Date.parse('2026-11-30T06:00:00Z'),
  firstDate: '2026-11-23',
  endDate: '2026-11-30',
};

function mirror() {
  const { db, schedules } = generatedMirror(60);
  const ofWeek = schedules.filter((s) => s.weekDate === '2026-11-23');
  const published = ofWeek.find((s) => s.published)!.id;
  const draft = ofWeek.find((s) => !s.published)!.id;
  const agents = (
    db.prepare('SELECT agent_id FROM agent_schedules WHERE schedule_id = ?').pluck().all(draft) as string[]
  ).sort();
  return { db, published, draft, agents };
}

const differing = (differs: SeenDiffers, agents: readonly string[]) => agents.filter((id) => differs(id));

describe('agents a publish over a published week changes', () => {
  it('are the ones the rows say, and only those', () => {
    const { db, published, draft, agents } = mirror();
    const fromRows = differing(seenDiffersFromRows(db, draft, [published], span, []), agents);
    expect(fromRows.length).toBeGreaterThan(0);
    expect(fromRows.length).toBeLessThan(agents.length);
    expect(differing(seenDiffers(db, draft, [published], span, []), agents)).toEqual(fromRows);
    // A week compared with itself changes nobody.
    expect(differing(seenDiffers(db, draft, [draft], span, []), agents)).toEqual([]);
  });

  it('see a longer activity, another code and a new day off', () => {
    const { published, draft, agents: all } = mirror();
    const plain = mirror();
    const same = all.filter((id) => !seenDiffersFromRows(plain.db, draft, [published], span, [])(id)).slice(0, 4);
    expect(same).toHaveLength(4);
    const [a, b, c, d] = same;
    const { db } = generatedMirror(60, (schedules) => {
      const agent = (id: string) => schedules.find((s) => s.id === draft)!.agentSchedules.get(id)!;
      const first = (id: string) => agent(id).shifts.find((s) => Date.parse(s.startDate) >= span.start)!.activities[0]!;
      first(a!).lengthMinutes += 15;
      first(b!).activityCodeId = 'other-code';
      agent(c!).fullDayTimeOffMarkers.push({
        businessUnitDate: '2026-11-25',
        startOffsetMinutes: 0,
        endOffsetMinutes: 480,
        lengthMinutes: 480,
        activityCodeId: first(c!).activityCodeId,
        description: '',
        paid: true,
      });
    });
    const differs = seenDiffers(db, draft, [published], span, []);
    expect([a, b, c, d].map((id) => differs(id!))).toEqual([true, true, true, false]);
    expect(differing(differs, all)).toEqual(differing(seenDiffersFromRows(db, draft, [published], span, []), all));
  });

  it('leave out the agents skipped', () => {
    const { db, published, draft, agents } = mirror();
    const fromRows = differing(seenDiffersFromRows(db, draft, [published], span, []), agents);
    const skip = fromRows.slice(0, 2);
    expect(differing(seenDiffers(db, draft, [published], span, skip), agents)).toEqual(fromRows.slice(2));
  });

  it.each([
    ['damaged', `UPDATE timeline_weeks SET packed = x'09' WHERE rowid = (SELECT min(rowid) FROM timeline_weeks)`],
    ['missing', `DELETE FROM timeline_weeks WHERE rowid = (SELECT min(rowid) FROM timeline_weeks)`],
  ])('come from the rows when a packed week is %s', (_, spoil) => {
    const { db, draft, published, agents } = mirror();
    db.prepare(spoil).run();
    // Rows moved too, for half the agents: an answer equal to the rows' means they were read.
    db.prepare(
      `UPDATE activities SET start_ms = start_ms + 60000 WHERE seq = 0 AND shift_key IN
         (SELECT key FROM shifts WHERE schedule_id = ? AND key % 2 = 0)`,
    ).run(draft);
    const fromRows = differing(seenDiffersFromRows(db, draft, [published], span, []), agents);
    expect(differing(seenDiffers(db, draft, [published], span, []), agents)).toEqual(fromRows);
  });
});
