import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ManagerApp } from './app';
import { initI18n } from './i18n';
import './styles.css';

const i18n = await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ManagerApp origin={window.location.origin} />
    </I18nextProvider>
  </StrictMode>,
);
