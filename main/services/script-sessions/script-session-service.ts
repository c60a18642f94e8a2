/**
 * Live script sessions for the timeline and publish screens: watch leases,
 * one watcher per connection while a lease of it is live, and the mirror's
 * active sessions of a unit with their "as of". A conversation belongs to the
 * org, not a unit, so one re-read serves every unit of the connection.
 */
import type Database from 'better-sqlite3';
import type { ConnectionStatus } from '../../../shared/connections';
import type {
  ActiveScriptSessions,
  ScriptSessionsLease,
  ScriptSessionsLive,
} from '../../../shared/contract/script-sessions';
import { badInput } from '../../../shared/ops-error';
import { openGenesysSession } from '../../genesys/session';
import type { AuditSink } from '../../genesys/types';
import { readActiveScriptSessions } from '../../mirror/script-session-reads';
import type { ConnectionService } from '../connections/connection-service';
import type { EventHub } from '../event-hub';
import type { JobRegistry } from '../jobs/job-registry';
import { createLeaseBook } from './leases';
import { createScriptSessionReread } from './reread';
import { createWatcher, realTimers, type Reachability, type Watcher, type WatchTimers } from './watcher';

export interface ScriptSessionServiceDeps {
  db: Database.Database;
  connections: Pick<ConnectionService, 'list' | 'connectionOf'>;
  events: EventHub;
  jobs: Pick<JobRegistry, 'list'>;
  audit: AuditSink;
  now?: () => Date;
  timers?: WatchTimers;
}

export type ScriptSessionService = ReturnType<typeof createScriptSessionService>;

/** A client-credentials connection signs in silently, as a sync would; a supervisor must sign in again. */
export function reachability(status: ConnectionStatus): Reachability {
  if (status.state === 'signedIn') return { ok: true };
  if (status.state === 'signedOut' && status.grantType === 'client_credentials' && status.hasSecret)
    return { ok: true };
  return {
    ok: false,
    state: 'signInNeeded',
    reason:
      status.state === 'signingIn'
        ? `"${status.name}" is signing in.`
        : `"${status.name}" is not signed in. Sign in on the Connections screen to see script sessions live.`,
  };
}

export function createScriptSessionService(deps: ScriptSessionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const timers = deps.timers ?? realTimers;
  const leases = createLeaseBook(() => now().getTime());
  const reread = createScriptSessionReread(deps.db);
  const watchers = new Map<string, Watcher>();

  const statusOf = (profileId: string): ConnectionStatus => {
    const status = deps.connections.list().find((c) => c.id === profileId);
    if (!status) throw badInput('That connection no longer exists. Refresh the Connections screen.');
    return status;
  };

  function watcherOf(profileId: string): Watcher {
    let w = watchers.get(profileId);
    if (w) return w;
    w = createWatcher({
      profileId,
      now,
      timers,
      watched: () => {
        leases.prune();
        return leases.liveFor(profileId).length > 0;
      },
      reachable: () => {
        const status = deps.connections.list().find((c) => c.id === profileId);
        return status
          ? reachability(status)
          : { ok: false, state: 'signInNeeded', reason: 'The connection was removed.' };
      },
      syncing: () =>
        deps.jobs.list().some((j) => j.kind === 'sync' && j.state === 'running' && j.subject.profileId === profileId),
      async reread() {
        const { env, tokens } = await deps.connections.connectionOf(profileId);
        let allowedPerMinute: number | null = null;
        const session = openGenesysSession({
          profileId,
          env,
          tokens,
          audit: deps.audit,
          onRateBudget: (b) => (allowedPerMinute = b.allowed),
        });
        try {
          const { changed } = await reread(session.api, now());
          return { requests: session.requestCount(), changed, allowedPerMinute };
        } finally {
          session.close();
        }
      },
      announce: (e) => deps.events.emit('scriptSessions.changed', { profileId, ...e }),
    });
    watchers.set(profileId, w);
    return w;
  }

  /** The freshest "as of" known: this process's last re-read, or what the mirror says. */
  const asOfFor = (profileId: string, businessUnitId: string, mirrorAsOf?: string | null) => {
    const mine = watchers.get(profileId)?.status().asOf ?? null;
    const mirrored =
      mirrorAsOf !== undefined ? mirrorAsOf : readActiveScriptSessions(deps.db, profileId, businessUnitId).asOf;
    if (mine === null || mirrored === null) return mine ?? mirrored;
    return Date.parse(mine) >= Date.parse(mirrored) ? mine : mirrored;
  };

  const liveOf = (profileId: string): ScriptSessionsLive => {
    const w = watchers.get(profileId);
    if (!w || leases.liveFor(profileId).length === 0) return { state: 'idle', reason: null };
    const { state, reason } = w.status();
    return { state, reason };
  };

  // A sign-in, or a sync that reached Genesys Cloud, ends an offline or signed-out pause.
  const detach = deps.events.attach((name, payload) => {
    const profileId =
      name === 'connections.changed'
        ? (payload as { id: string; status: ConnectionStatus | null }).status?.state === 'signedIn'
          ? (payload as { id: string }).id
          : null
        : name === 'mirror.changed'
          ? (payload as { profileId: string }).profileId
          : null;
    if (!profileId || leases.liveFor(profileId).length === 0) return;
    const w = watchers.get(profileId);
    if (w && w.status().state !== 'live') w.start();
  });

  return {
    active(profileId: string, businessUnitId: string): ActiveScriptSessions {
      statusOf(profileId);
      const mirrored = readActiveScriptSessions(deps.db, profileId, businessUnitId);
      return {
        ...liveOf(profileId),
        asOf: asOfFor(profileId, businessUnitId, mirrored.asOf),
        sessions: mirrored.sessions,
      };
    },

    watch(profileId: string, businessUnitId: string, leaseId?: string): ScriptSessionsLease {
      statusOf(profileId);
      const w = watcherOf(profileId);
      const { intervalMs } = w.status();
      const held = leases.hold({ profileId, businessUnitId, leaseId }, intervalMs);
      // A renewal leaves a stopped (offline) watcher stopped: only a new screen, a sign-in or a sync retries.
      if (!held.renewed || w.status().state === 'idle') w.start();
      const { state, reason } = w.status();
      return { leaseId: held.lease.leaseId, intervalMs, asOf: asOfFor(profileId, businessUnitId), state, reason };
    },

    unwatch(leaseId: string): boolean {
      // The watcher notices at its next turn that nobody watches, and stops before reading.
      return leases.release(leaseId) !== null;
    },

    async close(): Promise<void> {
      detach();
      await Promise.all([...watchers.values()].map((w) => w.close()));
    },
  };
}
