/**
 * Watch leases: a screen showing live script sessions holds one and renews
 * it; a lease not renewed for about two intervals lapses. Nothing has to
 * tell the services that a window closed or crashed: its leases just lapse,
 * and with the last one the re-reads stop.
 */
import { randomUUID } from 'node:crypto';
import { leaseLifetimeMs } from './cadence';

export interface WatchLease {
  leaseId: string;
  profileId: string;
  businessUnitId: string;
  /** Epoch ms after which the lease counts as lapsed. */
  expiresAtMs: number;
}

export interface LeaseBook {
  /**
   * Renews `leaseId` if it is live and of this connection and unit; otherwise grants a new lease.
   * `intervalMs` is the renewal period the holder is told: the lease lives two of those.
   */
  hold(
    subject: { profileId: string; businessUnitId: string; leaseId?: string | undefined },
    intervalMs: number,
  ): { lease: WatchLease; renewed: boolean };
  release(leaseId: string): WatchLease | null;
  /** Drops lapsed leases; returns the connections that lost their last live lease. */
  prune(): string[];
  liveFor(profileId: string): WatchLease[];
  profiles(): string[];
}

export function createLeaseBook(nowMs: () => number, newId: () => string = randomUUID): LeaseBook {
  const leases = new Map<string, WatchLease>();
  const live = (l: WatchLease) => l.expiresAtMs > nowMs();

  return {
    hold(subject, intervalMs) {
      const expiresAtMs = nowMs() + leaseLifetimeMs(intervalMs);
      const held = subject.leaseId ? leases.get(subject.leaseId) : undefined;
      if (
        held &&
        live(held) &&
        held.profileId === subject.profileId &&
        held.businessUnitId === subject.businessUnitId
      ) {
        held.expiresAtMs = expiresAtMs;
        return { lease: { ...held }, renewed: true };
      }
      const lease = {
        leaseId: newId(),
        profileId: subject.profileId,
        businessUnitId: subject.businessUnitId,
        expiresAtMs,
      };
      leases.set(lease.leaseId, lease);
      return { lease: { ...lease }, renewed: false };
    },
    release(leaseId) {
      const held = leases.get(leaseId);
      leases.delete(leaseId);
      return held && live(held) ? { ...held } : null;
    },
    prune() {
      const before = new Set([...leases.values()].map((l) => l.profileId));
      for (const [id, l] of leases) if (!live(l)) leases.delete(id);
      const after = new Set([...leases.values()].map((l) => l.profileId));
      return [...before].filter((p) => !after.has(p));
    },
    liveFor: (profileId) => [...leases.values()].filter((l) => l.profileId === profileId && live(l)),
    profiles: () => [...new Set([...leases.values()].filter(live).map((l) => l.profileId))],
  };
}
