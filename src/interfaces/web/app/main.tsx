import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchScreens } from './App.tsx';
import { orgApi, qs } from './api.ts';
import { unitStorageKey } from './org.tsx';
import { preload } from './use-api.ts';
import './styles.css';

// A screen's code that no longer exists (the server was updated since this page loaded): load the new
// version of the app, once — a second failure within a minute is left to show as an error.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('probity.reloadedForUpdate') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('probity.reloadedForUpdate', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

// Ask for what the first screen needs at once, in parallel, instead of one request after another:
// who is signed in, the organisation's roles, units and packs, and the dashboard's code.
preload('/api/v1/me');
const inOrg = /^\/o\/([^/]+)(\/.*)?$/.exec(window.location.pathname);
if (inOrg?.[1]) {
  const slug = decodeURIComponent(inOrg[1]);
  for (const sub of ['/roles', '/units', '/packs']) preload(orgApi(slug, sub));
  // The dashboard's own data, for the unit remembered for this organisation (see org.tsx).
  if (!inOrg[2] || inOrg[2] === '/') {
    preload(orgApi(slug, '/dashboard') + qs({ unitId: localStorage.getItem(unitStorageKey(slug)) }));
  }
}
prefetchScreens(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
