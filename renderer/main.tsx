import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectClient } from './bridge';
import { LaunchKeyMissing } from './features/shell/LaunchKeyMissing';
import { OpsClientProvider } from './ops-client-context';
import { createConsoleQueryClient } from './query-client';
import { createConsoleStore } from './store';
import { StoreProvider } from './store/context';
// Style sheets in cascade order: tokens first (every colour, light and dark), then the frame, then features.
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/panels.css';
import './features/connections/connections.css';
import './features/schedules/schedules.css';
import './features/timeline/timeline-axis.css';
import './features/timeline/timeline-rows.css';
import './features/timeline/timeline-bars.css';
import './features/timeline/timeline-coverage.css';
import './features/timeline/timeline-legend.css';
import './features/timeline/timeline.css';

const client = detectClient();
const root = document.getElementById('root');
if (!root) throw new Error('Publish Desk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    {client ? (
      <OpsClientProvider client={client}>
        <QueryClientProvider client={createConsoleQueryClient()}>
          <StoreProvider store={createConsoleStore()}>
            <App />
          </StoreProvider>
        </QueryClientProvider>
      </OpsClientProvider>
    ) : (
      <LaunchKeyMissing />
    )}
  </StrictMode>,
);
