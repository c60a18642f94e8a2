import { describe, expect, it } from 'vitest';
import { plainCopy } from './plain-copy';

describe('plainCopy', () => {
  it('copies nested records deeply: changing the copy leaves the original as it was', () => {
    const shift = { id: 's-1', lengthMinutes: 480, activities: [{ paid: true, description: 'On Queue' }], note: null };
    const copy = plainCopy(shift);
    expect(copy).toEqual(shift);
    copy.activities[0]!.paid = false;
    copy.activities.push({ paid: false, description: 'Meal' });
    expect(shift.activities).toEqual([{ paid: true, description: 'On Queue' }]);
    expect(copy.activities).not.toBe(shift.activities);
  });

  it('hands what is not plain data to structuredClone, so a Date or a Map is still copied, not shared', () => {
    const when = new Date('2026-11-23T08:00:00Z');
    const byId = new Map([['a', { n: 1 }]]);
    const copy = plainCopy({ when, byId, list: [when] });
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(when);
    expect(copy.when.getTime()).toBe(when.getTime());
    expect(copy.byId).not.toBe(byId);
    expect(copy.byId.get('a')).toEqual({ n: 1 });
    expect(copy.list[0]).toBeInstanceOf(Date);
  });
});
