import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers the flag, then PUBLISH_DESK_DATA, then the platform folder', () => {
    expect(resolveDataDir('rel/dir', { PUBLISH_DESK_DATA: '/env' }, 'linux', '/home/a')).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir(undefined, { PUBLISH_DESK_DATA: '/env' }, 'linux', '/home/a')).toBe('/env');
    expect(resolveDataDir(undefined, {}, 'linux', '/home/a')).toBe('/home/a/.config/Publish Desk');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/Publish Desk');
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Publish Desk',
    );
  });
});
