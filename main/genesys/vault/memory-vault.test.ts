import { describe, expect, it } from 'vitest';
import { createMemoryVault } from './memory-vault';

describe('memory vault', () => {
  it('keeps secrets until quit and says so', async () => {
    const vault = createMemoryVault();
    expect(vault).toMatchObject({ backend: 'memory', persistent: false });
    await vault.set('k', 'v');
    expect(await vault.get('k')).toBe('v');
    await vault.delete('k');
    expect(await vault.get('k')).toBeNull();
    expect(vault.describe()).toMatch(/memory until you quit/);
  });
});
