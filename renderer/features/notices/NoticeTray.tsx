import { useConsole } from '../../store/context';

/** Notices pushed by main (`app.notice`), newest last, each dismissible. */
export function NoticeTray() {
  const notices = useConsole((s) => s.notices);
  const dismiss = useConsole((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notice-tray" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <button type="button" aria-label="Dismiss notice" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
