import { describe, expect, it } from 'vitest';
import { transportLabel, transportShortLabel } from './transport-label';

describe('transport labels', () => {
  it('name every transport rather than calling everything that is not IPC "HTTP"', () => {
    expect(transportLabel('http')).toBe('HTTP + WebSocket on 127.0.0.1');
    expect(transportLabel('port')).toBe('MessagePort to the services process');
    expect(transportShortLabel('inProcess')).toBe('In-process');
    expect(new Set((['ipc', 'http', 'port', 'inProcess'] as const).map(transportLabel)).size).toBe(4);
  });
});
