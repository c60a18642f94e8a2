/**
 * Names for the editors an agent's schedule history names. Genesys' history
 * gives `modifiedBy` as a `UserReference` (an id, no name), so the conflict
 * cards and "Also changed by …" would show a user id. The agents are known
 * by name from the mirror; anyone else (another supervisor, a shift trade's
 * user) is looked up with `GET /api/v2/users?id=…` once per publish, and
 * remembered for the run.
 *
 * A name is garnish: a lookup refused (403 without `directory:user:view`),
 * rate limited or unanswered leaves the id, and is not asked again in this
 * run, so it never fails or slows the publish more than its one request.
 */
import type { GenesysApi } from '../genesys/client/api';
import type { ChangeStamp } from '../../shared/publish/rebase';
import { withReadDeadline } from './deadline';

/** Longer than the lookup ever takes when Genesys answers; a hung one must not hold the re-read. */
const lookupDeadlineMs = 5_000;

export interface EditorNamesDeps {
  api: Pick<GenesysApi, 'getUsers'>;
  /** Names the mirror already has (its agents). */
  knownNames: (userIds: readonly string[]) => Map<string, string>;
}

export function createEditorNames(deps: EditorNamesDeps) {
  const names = new Map<string, string>();
  const asked = new Set<string>();

  async function lookUp(userIds: readonly string[]): Promise<void> {
    const unknown = [...new Set(userIds)].filter((id) => !names.has(id) && !asked.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) asked.add(id);
    for (const [id, name] of deps.knownNames(unknown)) names.set(id, name);
    const rest = unknown.filter((id) => !names.has(id));
    if (rest.length === 0) return;
    try {
      const users = await withReadDeadline(deps.api.getUsers(rest), lookupDeadlineMs, {
        method: 'GET',
        pathTemplate: '/api/v2/users',
        isWrite: false,
      });
      for (const u of users) if (u.name) names.set(u.id, u.name);
    } catch {
      // The id stays: who changed the agent is still said, only less kindly.
    }
  }

  return {
    /** The stamps with each editor's name where one is known (looked up at most once per id). */
    async named(stamps: readonly ChangeStamp[]): Promise<ChangeStamp[]> {
      await lookUp(stamps.map((s) => s.modifiedBy));
      return stamps.map((s) => {
        const name = names.get(s.modifiedBy);
        return name ? { ...s, modifiedBy: name } : s;
      });
    },
  };
}
