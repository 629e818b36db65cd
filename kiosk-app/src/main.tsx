import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './renderer/app';
import { getBridge } from './renderer/bridge-client';
import './renderer/styles.css';

// Renderer entry: the same bundle runs in Electron (bridge from preload) and in Chromium
// against the browser host (bridge over HTTP).
initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <App bridge={getBridge()} />
  </StrictMode>,
);
