import { createContext, useContext, type ReactNode } from 'react';
import type { ChangeSetSubject } from './queries';
import { useChangeSet, type ChangeSetActions } from './use-change-set';

/**
 * One set of change-set actions per screen: the bar, the fix menus, the grid's drags and the bulk
 * dialog share the same pending state and the same last error, which the bar shows.
 */
const ChangeSetContext = createContext<(ChangeSetActions & { subject: ChangeSetSubject | null }) | null>(null);

export function ChangeSetProvider({ subject, children }: { subject: ChangeSetSubject | null; children: ReactNode }) {
  const actions = useChangeSet(subject);
  return <ChangeSetContext.Provider value={{ ...actions, subject }}>{children}</ChangeSetContext.Provider>;
}

export function useChangeSetContext() {
  const value = useContext(ChangeSetContext);
  if (!value) throw new Error('useChangeSetContext needs a ChangeSetProvider');
  return value;
}
