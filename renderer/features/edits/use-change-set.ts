/**
 * The change set's actions for the schedule on screen: apply (or preview with a dry run), undo, redo,
 * discard one, discard all. Each kept action reads the change set again at once, without waiting for
 * its `edits.changed` (which still brings other windows in step). A refused action keeps its words
 * for the bar to show; nothing is lost, since main keeps the change set whole or not at all.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EditIntent } from '../../../shared/edits/types';
import type { EditSource } from '../../../shared/edits/types';
import { useOpsClient } from '../../ops-client-context';
import { changeSetQuery, invalidateChangeSet, type ChangeSetSubject } from './queries';

export interface ApplyRequest {
  intent: EditIntent;
  agentIds: string[];
  source: EditSource;
  dryRun?: boolean;
}

export function useChangeSet(subject: ChangeSetSubject | null) {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const list = useQuery(changeSetQuery(client, subject));
  const [error, setError] = useState<string | null>(null);
  const base = () => {
    if (!subject) throw new Error('No schedule is shown');
    return { profileId: subject.profileId, businessUnitId: subject.businessUnitId, scheduleId: subject.scheduleId };
  };
  const kept = {
    onSuccess: () => {
      setError(null);
      if (subject) void invalidateChangeSet(queryClient, subject.businessUnitId, subject.scheduleId);
    },
    onError: (e: Error) => setError(e.message),
  };
  const apply = useMutation({
    mutationFn: (r: ApplyRequest) => client.call('edits.apply', { ...base(), ...r }),
    onSuccess: (result, r) => {
      if (!r.dryRun) kept.onSuccess();
    },
    onError: kept.onError,
  });
  const undo = useMutation({ mutationFn: () => client.call('edits.undo', base()), ...kept });
  const redo = useMutation({ mutationFn: () => client.call('edits.redo', base()), ...kept });
  const discard = useMutation({
    mutationFn: (editId: string) => client.call('edits.discard', { ...base(), editId }),
    ...kept,
  });
  const discardAll = useMutation({ mutationFn: () => client.call('edits.discardAll', base()), ...kept });
  const busy = apply.isPending || undo.isPending || redo.isPending || discard.isPending || discardAll.isPending;
  return { list, apply, undo, redo, discard, discardAll, busy, error, clearError: () => setError(null) };
}

export type ChangeSetActions = ReturnType<typeof useChangeSet>;
