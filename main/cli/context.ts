/**
 * What every command gets: the services (the same contract the console
 * uses), a typed call that turns failures into exit codes, and output in
 * the user's chosen form.
 */
import type { OpsArgs, OpsFailure, OpsMethodName, OpsResult } from '../../shared/contract';
import type { Services } from '../services';

export class CommandFailure extends Error {
  constructor(readonly failure: OpsFailure) {
    super(failure.message);
    this.name = 'CommandFailure';
  }
}

export interface CliContext {
  services: Services;
  json: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Asks for a secret on the terminal without echo; null when there is no terminal. */
  promptSecret: (question: string) => Promise<string | null>;
  call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>>;
}

export function contractCaller(services: Services) {
  return async <M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> => {
    const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
    if (!outcome.ok) throw new CommandFailure(outcome.error);
    return outcome.result as OpsResult<M>;
  };
}
