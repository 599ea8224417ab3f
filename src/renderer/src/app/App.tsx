import { useEffect } from 'react';
import { useAppStore } from '../state/app-store';
import { TrayScreen } from '../views/TrayScreen';
import { WorkspaceScreen } from '../views/WorkspaceScreen';
import type { Route } from './route';

export function App({ route }: { route: Route }) {
  const load = useAppStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return route === 'tray' ? <TrayScreen /> : <WorkspaceScreen />;
}
