import { useConsole } from '../../store/context';

/** Always-visible line saying which shell and transport are live. */
export function StatusBar() {
  const transport = useConsole((s) => s.transport);
  const info = useConsole((s) => s.info);
  const mode = info?.mode === 'electron' ? 'Desktop app' : info ? 'Browser mode' : '…';
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span data-testid="status-mode">{mode}</span>
      <span data-testid="status-transport">{transport === 'ipc' ? 'IPC transport' : 'HTTP transport'}</span>
      {info && <span>v{info.version}</span>}
    </footer>
  );
}
