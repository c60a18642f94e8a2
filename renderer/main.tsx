import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectClient } from './bridge';
import { LaunchKeyMissing } from './features/shell/LaunchKeyMissing';
import { createConsoleStore } from './store';
import { StoreProvider } from './store/context';
import './styles.css';

const client = detectClient();
const root = document.getElementById('root');
if (!root) throw new Error('Publish Desk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    {client ? (
      <StoreProvider store={createConsoleStore(client)}>
        <App />
      </StoreProvider>
    ) : (
      <LaunchKeyMissing />
    )}
  </StrictMode>,
);
