import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './ui/app';
import './ui/styles.css';

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App origin={window.location.origin} />
  </StrictMode>,
);
