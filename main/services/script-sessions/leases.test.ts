import { describe, expect, it } from 'vitest';
import { createLeaseBook } from './leases';

function book() {
  let now = 1_000_000;
  let n = 0;
  const leases = createLeaseBook(
    () => now,
    () => `lease-${++n}`,
  );
  return { leases, advance: (ms: number) => (now += ms) };
}

const chicago = { profileId: 'p', businessUnitId: 'bu' };

describe('watch leases', () => {
  it('lapse about two intervals after the last renewal, not before', () => {
    const { leases, advance } = book();
    const { lease } = leases.hold(chicago, 30_000);
    advance(59_999);
    expect(leases.prune()).toEqual([]);
    expect(leases.liveFor('p')).toHaveLength(1);
    advance(1);
    expect(leases.liveFor('p')).toEqual([]);
    expect(leases.prune()).toEqual(['p']);
    // A renewal of the lapsed lease grants a new one rather than reviving it.
    expect(leases.hold({ ...chicago, leaseId: lease.leaseId }, 30_000)).toMatchObject({
      renewed: false,
      lease: { leaseId: 'lease-2' },
    });
  });

  it('renewing keeps a lease alive for as long as its holder renews it each interval', () => {
    const { leases, advance } = book();
    const { lease } = leases.hold(chicago, 30_000);
    for (let i = 0; i < 10; i++) {
      advance(30_000);
      expect(leases.hold({ ...chicago, leaseId: lease.leaseId }, 30_000)).toMatchObject({
        renewed: true,
        lease: { leaseId: lease.leaseId },
      });
      expect(leases.prune()).toEqual([]);
    }
    // A longer interval told at renewal stretches the lease to two of those.
    leases.hold({ ...chicago, leaseId: lease.leaseId }, 50_000);
    advance(99_999);
    expect(leases.liveFor('p')).toHaveLength(1);
    advance(1);
    expect(leases.liveFor('p')).toHaveLength(0);
  });

  it('does not renew another connection’s or unit’s lease with a borrowed id', () => {
    const { leases } = book();
    const { lease } = leases.hold(chicago, 30_000);
    expect(leases.hold({ profileId: 'q', businessUnitId: 'bu', leaseId: lease.leaseId }, 30_000).renewed).toBe(false);
    expect(leases.hold({ profileId: 'p', businessUnitId: 'other', leaseId: lease.leaseId }, 30_000).renewed).toBe(
      false,
    );
    expect(leases.liveFor('p')).toHaveLength(2);
    expect(leases.profiles().sort()).toEqual(['p', 'q']);
  });

  it('a connection stays watched until its last lease goes', () => {
    const { leases, advance } = book();
    const first = leases.hold(chicago, 30_000).lease;
    advance(20_000);
    const second = leases.hold(chicago, 30_000).lease;
    advance(40_000);
    expect(leases.prune()).toEqual([]);
    expect(leases.liveFor('p').map((l) => l.leaseId)).toEqual([second.leaseId]);
    expect(leases.release(second.leaseId)).toMatchObject({ leaseId: second.leaseId });
    expect(leases.release(first.leaseId)).toBeNull();
    expect(leases.profiles()).toEqual([]);
  });
});
