import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { orgApi } from './api.ts';
import { preload } from './use-api.ts';
import './styles.css';

// Ask for what the first screen needs at once, in parallel, instead of one request after another:
// who is signed in, the organisation's roles, units and packs, and the dashboard's code.
preload('/api/v1/me');
const inOrg = /^\/o\/([^/]+)(\/.*)?$/.exec(window.location.pathname);
if (inOrg?.[1]) {
  const slug = decodeURIComponent(inOrg[1]);
  for (const sub of ['/roles', '/units', '/packs']) preload(orgApi(slug, sub));
  if (!inOrg[2] || inOrg[2] === '/') void import('./pages/Dashboard.tsx');
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
