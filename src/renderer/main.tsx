import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { SessionGate } from './SessionGate';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionGate />
  </StrictMode>,
);
