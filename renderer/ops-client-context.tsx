import { createContext, useContext, type ReactNode } from 'react';
import type { OpsClient } from './bridge/types';

/** The live transport (IPC or the loopback host), for queries, mutations and event subscriptions. */
const OpsClientContext = createContext<OpsClient | null>(null);

export function OpsClientProvider({ client, children }: { client: OpsClient; children: ReactNode }) {
  return <OpsClientContext.Provider value={client}>{children}</OpsClientContext.Provider>;
}

export function useOpsClient(): OpsClient {
  const client = useContext(OpsClientContext);
  if (!client) throw new Error('useOpsClient needs an OpsClientProvider');
  return client;
}
