import { useQueryClient } from '@tanstack/react-query';
import { OverviewScreen } from './features/about/OverviewScreen';
import { ActivityScreen } from './features/activity/ActivityScreen';
import { ConnectionsScreen } from './features/connections/ConnectionsScreen';
import { useConnectionsEvents } from './features/connections/events';
import { useNoticeEvents } from './features/notices/events';
import { useSchedulesEvents } from './features/schedules/events';
import { SchedulesScreen } from './features/schedules/SchedulesScreen';
import { useTimelineEvents } from './features/timeline/events';
import { TimelineScreen } from './features/timeline/TimelineScreen';
import { PublishScreen } from './features/publish/PublishScreen';
import { NavRail } from './features/shell/NavRail';
import { StatusBar } from './features/shell/StatusBar';
import { useShortcuts } from './features/shell/useShortcuts';
import { NoticeTray } from './features/notices/NoticeTray';
import { useOpsClient } from './ops-client-context';
import { useConsole } from './store/context';

export function App() {
  useShortcuts();
  useFeatureEvents();
  const screen = useConsole((s) => s.screen);
  return (
    <div className="layout">
      <NavRail />
      <main className="content">
        {screen === 'overview' ? (
          <OverviewScreen />
        ) : screen === 'connections' ? (
          <ConnectionsScreen />
        ) : screen === 'schedules' ? (
          <SchedulesScreen />
        ) : screen === 'timeline' ? (
          <TimelineScreen />
        ) : screen === 'publish' ? (
          <PublishScreen />
        ) : (
          <ActivityScreen />
        )}
      </main>
      <StatusBar />
      <NoticeTray />
    </div>
  );
}

/**
 * Each feature's event subscriptions, mounted here once rather than by its screen: a sync that ends
 * or a connection that signs out while another screen is open must still reach the cache.
 */
function useFeatureEvents(): void {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const pushNotice = useConsole((s) => s.pushNotice);
  useNoticeEvents(client, pushNotice);
  useConnectionsEvents(client, queryClient, pushNotice);
  useSchedulesEvents(client, queryClient);
  useTimelineEvents(client, queryClient);
}
