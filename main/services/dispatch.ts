/**
 * The single entry both transports call. It refuses names outside the
 * contract and arguments that do not match the method's schema, and turns
 * handler failures into a serialisable outcome instead of a thrown error.
 */
import {
  isOpsMethodName,
  type FailureCategory,
  opsArgsSchemas,
  type CallContext,
  type OpsApi,
  type OpsMethodName,
  type OpsOutcome,
} from '../../shared/contract';
import { failureCategory } from './failure-category';

export type Dispatch = (method: unknown, args: unknown, ctx: CallContext) => Promise<OpsOutcome<OpsMethodName>>;

/** PD_CALL_TIMING=1: each call's handler time on stderr, for finding where a screen waits (benchmarks). */
const callTiming = process.env.PD_CALL_TIMING === '1';

export function createDispatch(handlers: OpsApi, log: (line: string) => void = () => {}): Dispatch {
  if (!callTiming) return dispatchOn(handlers, log);
  const inner = dispatchOn(handlers, log);
  return async (method, args, ctx) => {
    const started = performance.now();
    try {
      return await inner(method, args, ctx);
    } finally {
      process.stderr.write(`ops ${describe(method)} ${(performance.now() - started).toFixed(1)} ms\n`);
    }
  };
}

function dispatchOn(handlers: OpsApi, log: (line: string) => void): Dispatch {
  return async (method, args, ctx) => {
    if (!isOpsMethodName(method)) {
      return { ok: false, error: { code: 'unknownMethod', message: `Unknown method: ${describe(method)}` } };
    }
    const parsed = opsArgsSchemas[method].safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return {
        ok: false,
        error: {
          code: 'badArguments',
          message: `Bad arguments for ${method}${where}: ${issue?.message ?? 'invalid'}`,
          category: 'badInput',
        },
      };
    }
    try {
      const handler = handlers[method] as (a: unknown, c: CallContext) => Promise<unknown>;
      const result = await handler(parsed.data, ctx);
      return { ok: true, result } as OpsOutcome<OpsMethodName>;
    } catch (err) {
      const category = failureCategory(err);
      const message = userMessage(err, category);
      // The log keeps the stack of our own faults for support; the caller gets words, never a trace.
      log(
        `${method} failed: ${category === 'internal' && err instanceof Error ? (err.stack ?? err.message) : message}`,
      );
      return { ok: false, error: { code: 'failed', message, category } };
    }
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 80));
  return typeof value;
}

/** The sentence for the user. Our own messages already say what to do; a fault of ours says where to look. */
export function userMessage(err: unknown, category: FailureCategory): string {
  const message = err instanceof Error ? err.message : String(err);
  if (category !== 'internal') return message;
  return `Publish Desk ran into a problem it did not expect (${message.split('\n')[0]!.slice(0, 200)}). Try again; if it keeps happening, send the log to support.`;
}
