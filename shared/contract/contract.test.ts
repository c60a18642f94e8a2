import { describe, expect, it } from 'vitest';
import { isOpsEventName, isOpsMethodName, opsArgsSchemas, opsEventNames, opsMethodNames } from './index';

describe('contract name tables', () => {
  it('lists every method and event of the contract', () => {
    expect(opsMethodNames).toEqual([
      'app.info',
      'connections.regions',
      'connections.list',
      'connections.save',
      'connections.remove',
      'connections.test',
      'connections.signIn',
      'connections.cancelSignIn',
      'connections.signOut',
      'connections.vault',
      'activity.list',
      'schedules.overview',
      'schedules.discover',
      'schedules.weeks',
      'sync.start',
      'analysis.get',
      'analysis.rerun',
      'job.status',
      'job.list',
      'job.events',
      'job.cancel',
      'timeline.legend',
      'timeline.window',
      'timeline.roster',
      'timeline.rosterTop',
      'timeline.coverage',
      'edits.list',
      'edits.apply',
      'edits.undo',
      'edits.redo',
      'edits.discard',
      'edits.discardAll',
      'edits.diff',
      'edits.fix',
      'scriptSessions.active',
      'scriptSessions.watch',
      'scriptSessions.unwatch',
      'publish.start',
      'publish.state',
      'publish.confirm',
      'publish.decide',
      'publish.retry',
      'publish.release',
      'publish.accept',
      'publish.hold',
      'publish.cancel',
      'publish.report',
      'publish.list',
    ]);
    expect(opsEventNames).toEqual([
      'app.notice',
      'connections.changed',
      'connections.authRequired',
      'mirror.changed',
      'analysis.updated',
      'job.event',
      'edits.changed',
      'scriptSessions.changed',
      'publish.changed',
    ]);
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
