/** edits.*: a schedule's pending change set, on the services' own connection (offline, like every mirror read). */
import type { OpsApi } from '../../../shared/contract';
import type { editsMethods } from '../../../shared/contract/edits';
import type { EditsService } from './edits-service';

export function editsHandlers(edits: EditsService) {
  return {
    'edits.list': async (ref) => edits.list(ref),
    'edits.apply': (req) => edits.applyInSteps(req),
    'edits.undo': async (ref) => edits.undo(ref),
    'edits.redo': async (ref) => edits.redo(ref),
    'edits.discard': async (ref) => edits.discard(ref),
    'edits.discardAll': async (ref) => edits.discardAll(ref),
    'edits.diff': async (ref) => edits.diff(ref),
    'edits.fix': async (req) => edits.fix(req),
  } satisfies Pick<OpsApi, keyof typeof editsMethods>;
}
