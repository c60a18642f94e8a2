import { describe, expect, it } from 'vitest';
import { editKey } from './edit-keys';

const shift = { id: 's1', startMs: Date.parse('2026-12-08T14:00:00Z'), endMs: Date.parse('2026-12-08T22:30:00Z') };

describe('keys that edit the focused shift', () => {
  it('Alt+arrows nudge the shift a quarter hour either way', () => {
    expect(editKey({ key: 'ArrowRight', altKey: true }, shift)).toEqual({
      kind: 'moveShift',
      shiftId: 's1',
      byMinutes: 15,
    });
    expect(editKey({ key: 'ArrowLeft', altKey: true }, shift)).toEqual({
      kind: 'moveShift',
      shiftId: 's1',
      byMinutes: -15,
    });
  });

  it('Shift+Alt+arrows move the end only', () => {
    expect(editKey({ key: 'ArrowLeft', altKey: true, shiftKey: true }, shift)).toEqual({
      kind: 'resizeShift',
      shiftId: 's1',
      startDate: '2026-12-08T14:00:00.000Z',
      endDate: '2026-12-08T22:15:00.000Z',
    });
    const short = { ...shift, endMs: shift.startMs + 15 * 60_000 };
    expect(editKey({ key: 'ArrowLeft', altKey: true, shiftKey: true }, short)).toBeNull();
  });

  it('Delete drops it; the arrows alone and Ctrl combinations stay with the grid', () => {
    expect(editKey({ key: 'Delete' }, shift)).toEqual({ kind: 'dropShift', shiftId: 's1' });
    expect(editKey({ key: 'ArrowRight' }, shift)).toBeNull();
    expect(editKey({ key: 'ArrowRight', altKey: true, ctrlKey: true }, shift)).toBeNull();
    expect(editKey({ key: 'ArrowUp', altKey: true }, shift)).toBeNull();
  });

  it('a shift the change set cannot name is not edited', () => {
    expect(editKey({ key: 'Delete' }, { ...shift, id: null })).toBeNull();
  });
});
