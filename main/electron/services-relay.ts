/**
 * The relay in Electron main: a `Dispatch` for the IPC transport that
 * forwards each call, after main's trust checks, to the services process over
 * its port, saying it came by IPC. When the process is gone mid-call the
 * window gets a failed outcome it can show, never a rejected invoke.
 */
import type { OpsMethodName, OpsOutcome } from '../../shared/contract';
import type { Dispatch } from '../services/dispatch';
import { PortClosedError } from '../services/port';
import type { ServicesSupervisor } from './services-supervisor';

export function relayDispatch(supervisor: Pick<ServicesSupervisor, 'current' | 'peek'>): Dispatch {
  return async (method, args, ctx): Promise<OpsOutcome<OpsMethodName>> => {
    const slot = await supervisor.current();
    if ('failure' in slot) return { ok: false, error: slot.failure };
    try {
      return await slot.client.call(method, args, ctx.transport);
    } catch (err) {
      if (err instanceof PortClosedError) {
        // Services that could not start closed the port too: the reason beats "restarting".
        const after = supervisor.peek();
        if (after && 'failure' in after) return { ok: false, error: after.failure };
        return { ok: false, error: { code: 'failed', message: err.message, category: 'unavailable' } };
      }
      return {
        ok: false,
        error: {
          code: 'failed',
          message: `The call could not reach the console's services (${(err as Error).message}).`,
          category: 'internal',
        },
      };
    }
  };
}
