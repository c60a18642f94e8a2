import { describe, expect, it, vi } from 'vitest';
import { createEventHub } from './event-hub';

describe('event hub', () => {
  const notice = { level: 'info' as const, message: 'sync finished', at: '2026-11-23T06:00:00Z' };

  it('delivers to every attached sink until it detaches', () => {
    const hub = createEventHub();
    const a = vi.fn();
    const b = vi.fn();
    const detachA = hub.attach(a);
    hub.attach(b);
    hub.emit('app.notice', notice);
    detachA();
    hub.emit('app.notice', notice);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledWith('app.notice', notice);
  });

  it('keeps delivering when one sink throws (a closed window)', () => {
    const hub = createEventHub();
    const ok = vi.fn();
    hub.attach(() => {
      throw new Error('window destroyed');
    });
    hub.attach(ok);
    hub.emit('app.notice', notice);
    expect(ok).toHaveBeenCalledOnce();
  });
});
