/** Editors' names: the mirror's agents by name, anyone else looked up once per run; a refusal leaves the id. */
import { describe, expect, it } from 'vitest';
import { GenesysError } from '../genesys/client/errors';
import type { DirectoryUser } from '../genesys/client/schemas';
import { createEditorNames } from './editor-names';

const stamp = (modifiedBy: string) => ({ modifiedBy, modifiedAt: '2026-11-23T06:00:00Z' });
const directory: Record<string, string> = { 'sup-1': 'Dana Supervisor', 'sup-2': 'Lee Planner' };

function names(refuse = false) {
  const lookups: string[][] = [];
  const editors = createEditorNames({
    api: {
      getUsers: (ids: readonly string[]): Promise<DirectoryUser[]> => {
        lookups.push([...ids]);
        if (refuse)
          return Promise.reject(
            new GenesysError({
              kind: 'forbidden',
              status: 403,
              contextId: 'c',
              code: 'missing.permissions',
              method: 'GET',
              pathTemplate: '/api/v2/users',
              isWrite: false,
            }),
          );
        return Promise.resolve(ids.flatMap((id) => (directory[id] ? [{ id, name: directory[id] }] : [])));
      },
    },
    knownNames: (ids) => new Map(ids.filter((id) => id === 'agent-1').map((id) => [id, 'Ana Agent'])),
  });
  return { editors, lookups };
}

describe('editor names', () => {
  it('names agents from the mirror and looks up only the others, each id once per run', async () => {
    const { editors, lookups } = names();
    const first = await editors.named([stamp('sup-1'), stamp('agent-1'), stamp('sup-1')]);
    expect(first.map((s) => s.modifiedBy)).toEqual(['Dana Supervisor', 'Ana Agent', 'Dana Supervisor']);
    expect(lookups).toEqual([['sup-1']]);
    const second = await editors.named([stamp('sup-1'), stamp('sup-2'), stamp('ghost')]);
    expect(second.map((s) => s.modifiedBy)).toEqual(['Dana Supervisor', 'Lee Planner', 'ghost']);
    expect(lookups).toEqual([['sup-1'], ['sup-2', 'ghost']]);
    // Nobody new: no request at all, the unnamed id included.
    await editors.named([stamp('ghost'), stamp('sup-2')]);
    expect(lookups).toHaveLength(2);
  });

  it('leaves the id when the lookup is refused, and does not ask again', async () => {
    const { editors, lookups } = names(true);
    expect((await editors.named([stamp('sup-1')])).map((s) => s.modifiedBy)).toEqual(['sup-1']);
    expect((await editors.named([stamp('sup-1')])).map((s) => s.modifiedBy)).toEqual(['sup-1']);
    expect(lookups).toHaveLength(1);
  });
});
