/** publish.*: the guided publish, run by the engine in main/publish and read back from its journal. */
import type { OpsApi } from '../../../shared/contract';
import type { publishMethods } from '../../../shared/contract/publish';

/** What the handlers need from the publish service: one function per method, same arguments. */
export type PublishService = {
  [M in keyof typeof publishMethods]: (args: Parameters<OpsApi[M]>[0]) => Promise<Awaited<ReturnType<OpsApi[M]>>>;
};

export function publishHandlers(publish: PublishService) {
  return {
    'publish.start': async (req) => publish['publish.start'](req),
    'publish.state': async (ref) => publish['publish.state'](ref),
    'publish.confirm': async (ref) => publish['publish.confirm'](ref),
    'publish.decide': async (req) => publish['publish.decide'](req),
    'publish.retry': async (req) => publish['publish.retry'](req),
    'publish.release': async (req) => publish['publish.release'](req),
    'publish.accept': async (req) => publish['publish.accept'](req),
    'publish.hold': async (req) => publish['publish.hold'](req),
    'publish.cancel': async (ref) => publish['publish.cancel'](ref),
    'publish.report': async (req) => publish['publish.report'](req),
    'publish.list': async (req) => publish['publish.list'](req),
  } satisfies Pick<OpsApi, keyof typeof publishMethods>;
}
