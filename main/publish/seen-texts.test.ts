/**
 * The seen-now texts from the packed weeks must be the texts the rows give (the publish of a draft over a
 * published week tracks the unedited agents whose texts differ), and the rows answer when a packed week
 * cannot be trusted.
 */
import { describe, expect, it } from 'vitest';
import { generatedMirror } from '../../test/mirror/edits-fixtures';
import { seenTexts, seenTextsFromRows, type SeenSpan } from './seen-texts';

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
  const published = ofWeek.find((s) => s.published)!;
  const draft = ofWeek.find((s) => !s.published)!;
  return { db, published: published.id, draft: draft.id, all: schedules.map((s) => s.id) };
}

describe('seen-now texts', () => {
  it('are the texts the rows give, for one schedule, several and with agents skipped', () => {
    const { db, published, draft, all } = mirror();
    const rows = seenTextsFromRows(db, [draft], span, []);
    expect(rows.size).toBeGreaterThan(50);
    expect(seenTexts(db, [draft], span, [])).toEqual(rows);
    expect(seenTexts(db, [published], span, [])).toEqual(seenTextsFromRows(db, [published], span, []));
    expect(seenTexts(db, all, span, [])).toEqual(seenTextsFromRows(db, all, span, []));
    const skip = [...rows.keys()].slice(0, 10);
    const skipped = seenTexts(db, [draft], span, skip);
    expect(skipped).toEqual(seenTextsFromRows(db, [draft], span, skip));
    expect(skip.some((id) => skipped.has(id))).toBe(false);
  });

  it('tell the agents whose draft week differs from what they see now', () => {
    const { db, published, draft } = mirror();
    const differing = (texts: typeof seenTexts) => {
      const d = texts(db, [draft], span, []);
      const p = texts(db, [published], span, []);
      return [...new Set([...d.keys(), ...p.keys()])].filter((id) => d.get(id) !== p.get(id)).sort();
    };
    const fromRows = differing(seenTextsFromRows);
    expect(fromRows.length).toBeGreaterThan(0);
    expect(differing(seenTexts)).toEqual(fromRows);
  });

  it.each([
    ['damaged', `UPDATE timeline_weeks SET packed = x'09' WHERE rowid = (SELECT min(rowid) FROM timeline_weeks)`],
    ['missing', `DELETE FROM timeline_weeks WHERE rowid = (SELECT min(rowid) FROM timeline_weeks)`],
  ])('come from the rows when a packed week is %s', (_, spoil) => {
    const { db, draft, published } = mirror();
    db.prepare(spoil).run();
    // Rows moved too: texts equal to the rows' now mean the rows were read.
    db.prepare('UPDATE activities SET start_ms = start_ms + 60000 WHERE seq = 0').run();
    const ids = [draft, published];
    expect(seenTexts(db, ids, span, [])).toEqual(seenTextsFromRows(db, ids, span, []));
  });
});
