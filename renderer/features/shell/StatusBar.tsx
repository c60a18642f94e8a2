import { useQuery } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { appInfoQuery } from '../about/queries';
import { transportShortLabel } from './transport-label';

/** Always-visible line saying which shell and transport are live. */
export function StatusBar() {
  const client = useOpsClient();
  const { data: info } = useQuery(appInfoQuery(client));
  const mode = info?.mode === 'electron' ? 'Desktop app' : info ? 'Browser mode' : '…';
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span data-testid="status-mode">{mode}</span>
      <span data-testid="status-transport">{transportShortLabel(client.transport)}</span>
      {info && <span>v{info.version}</span>}
    </footer>
  );
}
