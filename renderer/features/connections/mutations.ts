import { useMutation, useMutationState, useQueryClient, type Mutation } from '@tanstack/react-query';
import type { ConnectionDraft, ConnectionStatus } from '../../../shared/connections';
import { useOpsClient } from '../../ops-client-context';
import { connectionsKeys, putConnection } from './queries';

export type ConnectionAction = 'signIn' | 'signOut' | 'test' | 'remove';

/** One key per connection, so a card finds its action under way even after the screen was left and opened again. */
const actionKey = (id: string) => ['connections', 'action', id] as const;

export function useSaveConnection() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ConnectionDraft) => client.call('connections.save', draft),
    onSuccess: (saved) => putConnection(queryClient, saved.id, saved),
  });
}

/** A card's actions: what is under way (for its label and disabled buttons) and the last one's error, in words. */
export function useConnectionActions(id: string) {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationKey: actionKey(id),
    mutationFn: async (what: ConnectionAction): Promise<ConnectionStatus | null> => {
      if (what !== 'remove') return client.call(`connections.${what}`, { id });
      await client.call('connections.remove', { id });
      return null;
    },
    onSuccess: (status) => putConnection(queryClient, id, status),
    // A failed action may still have changed the connection (e.g. signed it out): show what main knows now.
    onError: () => queryClient.invalidateQueries({ queryKey: connectionsKeys.list }),
  });
  // Cancelling is not an action of its own: the pending sign-in ends, and its outcome is what the card shows.
  const cancel = useMutation({ mutationFn: () => client.call('connections.cancelSignIn', { id }) });
  const runs = useMutationState({ filters: { mutationKey: actionKey(id) }, select: (m: Mutation) => m.state });
  const last = runs.at(-1);
  return {
    run: (what: ConnectionAction) => action.mutate(what),
    cancelSignIn: () => cancel.mutate(),
    busy: last?.status === 'pending' ? (last.variables as ConnectionAction) : undefined,
    error: last?.status === 'error' ? errorText(last.error) : undefined,
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
