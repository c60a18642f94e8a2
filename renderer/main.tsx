import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectClient } from './bridge';
import { createConsoleStore } from './store';
import { StoreProvider } from './store/context';
import './styles.css';

const store = createConsoleStore(detectClient());
const root = document.getElementById('root');
if (!root) throw new Error('Publish Desk: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
