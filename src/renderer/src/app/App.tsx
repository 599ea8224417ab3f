import { lazy, useEffect } from 'react';
import { useAppStore } from '../state/app-store';
import { WorkspaceScreen } from '../views/WorkspaceScreen';
import { Deferred } from './Deferred';
import type { Route } from './route';

/**
 * The tray is its own window (and route): the workspace, which is what the agent waits for at
 * start, never downloads or parses its code, and the tray window fetches it straight away.
 */
const TrayScreen = lazy(() => import('../views/TrayScreen').then((module) => ({ default: module.TrayScreen })));

export function App({ route }: { route: Route }) {
  const load = useAppStore((state) => state.load);
  // The workspace loads these itself once its first page of leads is in (state/wiring.ts).
  useEffect(() => {
    if (route === 'tray') void load();
  }, [load, route]);

  return route === 'tray' ? (
    <Deferred what="the tray">
      <TrayScreen />
    </Deferred>
  ) : (
    <WorkspaceScreen />
  );
}
