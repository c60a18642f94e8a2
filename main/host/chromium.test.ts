import { describe, expect, it } from 'vitest';
import { chromiumFlags } from './chromium';

describe('the console window flags', () => {
  it("keep Chromium's sandbox on for an ordinary user, and turn it off only for root, where Chromium requires it", () => {
    expect(chromiumFlags(1000)).not.toContain('--no-sandbox');
    expect(chromiumFlags(0)).toContain('--no-sandbox');
    expect(chromiumFlags(1000)).toContain('--disable-background-networking');
  });
});
