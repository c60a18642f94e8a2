import { useConsole } from '../../store/context';
import type { PublishViewModel } from './use-publish-view';

/** Which connection to publish through (the Schedules screen's pick); shown only when there is a choice. */
export function ConnectionPicker({ p }: { p: PublishViewModel }) {
  const selectProfile = useConsole((s) => s.selectSchedulesProfile);
  if (p.connections.length < 2) return null;
  return (
    <label>
      Connection
      <select value={p.profileId ?? ''} onChange={(e) => selectProfile(e.target.value)}>
        {p.connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
