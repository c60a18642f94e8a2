import { useQuery } from '../../tanstack-query';
import { useOpsClient } from '../../ops-client-context';
import { appInfoQuery } from '../about/queries';

/** Always-visible line saying which shell and transport are live. */
export function StatusBar() {
  const client = useOpsClient();
  const { data: info } = useQuery(appInfoQuery(client));
  const mode = info?.mode === 'electron' ? 'Desktop app' : info ? 'Browser mode' : '…';
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span data-testid="status-mode">{mode}</span>
      <span data-testid="status-transport">{client.transport === 'ipc' ? 'IPC transport' : 'HTTP transport'}</span>
      {info && <span>v{info.version}</span>}
    </footer>
  );
}
