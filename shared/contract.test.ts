import { describe, expect, it } from 'vitest';
import { isOpsEventName, isOpsMethodName, opsArgsSchemas, opsEventNames, opsMethodNames } from './contract';

describe('contract name tables', () => {
  it('lists every method and event of the contract', () => {
    expect(opsMethodNames).toEqual([
      'app.info',
      'connection.regions',
      'connection.list',
      'connection.save',
      'connection.remove',
      'connection.test',
      'connection.signIn',
      'connection.cancelSignIn',
      'connection.signOut',
      'vault.status',
      'activity.list',
      'schedules.overview',
      'schedules.discover',
      'schedules.weeks',
      'sync.start',
      'sync.cancel',
      'analysis.run',
    ]);
    expect(opsEventNames).toEqual(['app.notice', 'connection.changed', 'auth.required', 'sync.progress', 'mirror.changed', 'analysis.updated']);
  });

  it('accepts contract names and refuses everything else, including prototype keys', () => {
    expect(isOpsMethodName('app.info')).toBe(true);
    for (const name of ['app.quit', 'toString', '__proto__', 'constructor', '', 42, null, undefined]) {
      expect(isOpsMethodName(name)).toBe(false);
    }
    expect(isOpsEventName('app.notice')).toBe(true);
    expect(isOpsEventName('hasOwnProperty')).toBe(false);
  });

  it('app.info takes no arguments and refuses unexpected ones', () => {
    expect(opsArgsSchemas['app.info'].safeParse({}).success).toBe(true);
    expect(opsArgsSchemas['app.info'].safeParse({ extra: 1 }).success).toBe(false);
  });
});
