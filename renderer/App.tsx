import { OverviewScreen } from './features/about/OverviewScreen';
import { NavRail } from './features/shell/NavRail';
import { PendingScreen } from './features/shell/PendingScreen';
import { StatusBar } from './features/shell/StatusBar';
import { useShortcuts } from './features/shell/useShortcuts';
import { NoticeTray } from './features/notices/NoticeTray';
import { useConsole } from './store/context';
import type { ScreenId } from './store/nav-slice';

const purposes: Record<Exclude<ScreenId, 'overview'>, [string, string]> = {
  connections: ['Connections', 'Genesys Cloud orgs and the sandbox org: sign in, test, see token expiry.'],
  schedules: ['Schedules', 'Business units and weeks mirrored on this machine, and sync.'],
  timeline: ['Timeline', 'Agents and shifts, with overlaps, time-zone skew and script-session blockers.'],
  publish: ['Publish', 'Guided publish with live retry status and one-click conflict retry.'],
  activity: ['Activity log', 'Every request made to Genesys Cloud, with its contextId.'],
};

export function App() {
  useShortcuts();
  const screen = useConsole((s) => s.screen);
  return (
    <div className="layout">
      <NavRail />
      <main className="content">
        {screen === 'overview' ? <OverviewScreen /> : <PendingScreen title={purposes[screen][0]} purpose={purposes[screen][1]} />}
      </main>
      <StatusBar />
      <NoticeTray />
    </div>
  );
}
