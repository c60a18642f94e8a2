import { useConsole } from '../../store/context';
import { screens, type ScreenId } from '../../store/nav-slice';

/** Vertical rail of screens; Alt+1…6 jumps from anywhere (see useShortcuts). */
export function NavRail() {
  const current = useConsole((s) => s.screen);
  const goTo = useConsole((s) => s.goTo);
  return (
    <nav className="rail" aria-label="Screens">
      <div className="rail-brand" aria-hidden="true">
        PD
      </div>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className={screen.id === current ? 'rail-item active' : 'rail-item'}
              aria-current={screen.id === current ? 'page' : undefined}
              title={`${screen.label} (Alt+${screen.key})`}
              onClick={() => goTo(screen.id as ScreenId)}
            >
              {screen.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
