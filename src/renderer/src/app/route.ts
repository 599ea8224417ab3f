export type Route = 'workspace' | 'tray';

/**
 * Electron loads index.html from disk, so its routes travel in the hash (`#/tray`); the
 * browser host serves every route path (`/tray`) with the same page.
 */
export function currentRoute(location: Location = window.location): Route {
  const path = location.hash.startsWith('#/') ? location.hash.slice(1) : location.pathname;
  return path.replace(/\/+$/, '') === '/tray' ? 'tray' : 'workspace';
}
