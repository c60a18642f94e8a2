import { describe, expect, it } from 'vitest';
import { categories, legendNames } from './legend-context';

const legend = {
  managementUnits: [{ id: 'mu-1', name: 'Chicago Sales', timeZone: 'America/Chicago' }],
  activityCodes: [
    { id: 'code-q', name: 'On Queue', category: 'OnQueueWork' },
    { id: 'code-b', name: 'Short break', category: 'Break' },
    { id: 'code-b2', name: 'Coffee', category: 'Break' },
    { id: 'code-x', name: 'Coaching', category: 'SomethingNew' },
  ],
};

describe('timeline legend names', () => {
  it('names units and codes, and colours by Genesys category so every break looks like a break', () => {
    const n = legendNames(legend);
    expect(n.unitName('mu-1')).toBe('Chicago Sales');
    expect(n.codeName('code-b2')).toBe('Coffee');
    expect(n.codeCategory('code-q')).toBe('On queue');
    expect(n.codeColour('code-b')).toBe(n.codeColour('code-b2'));
    expect(n.codeColour('code-b')).toBe(categories.Break!.colour);
    expect(n.codeColour('code-q')).not.toBe(n.codeColour('code-b'));
    expect(n.codeCategory('code-x')).toBe('Other');
  });

  it('stands in with short ids until the legend has loaded, or for what it does not know', () => {
    const n = legendNames(null);
    expect(n.unitName('0f3c9a1b-2222-4444-8888-123456789abc')).toBe('Management unit 0f3c9a');
    expect(n.unitName(null)).toBe('No management unit');
    expect(n.codeName('abcdef12-0000')).toBe('activity abcdef');
    expect(n.codeCategory('abcdef12-0000')).toBe('Activity');
  });
});
