import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { SessionGate } from './SessionGate';
import { ConnectTeamServer } from './screens/team/ConnectTeamServerDialog';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <SessionGate />
    {/* Outside the gate: a person may connect to the team server without an account on this computer. */}
    <ConnectTeamServer />
  </StrictMode>,
);
