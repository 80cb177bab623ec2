// The window: navigation rail, the current view, and the Jobs panel. Wires the stores to the core's
// events for as long as it is mounted, and owns the window-wide shortcuts.
import { useEffect } from 'react';
import type { VeoApi } from '../shared/contract';
import { getConnection } from './api/api';
import { Toasts } from './components/Toasts';
import { isModKey } from './components/keyboard';
import { CompareOverlay } from './features/compare/CompareView';
import { CreateView } from './features/create/CreateView';
import { JobsPanel } from './features/jobs/JobsPanel';
import { LibraryView } from './features/library/LibraryView';
import { Onboarding, useNeedsOnboarding } from './features/onboarding/Onboarding';
import { SettingsView } from './features/settings/SettingsView';
import { ConnectionBanner } from './features/shell/ConnectionBanner';
import { Rail } from './features/shell/Rail';
import { connectEvents, loadInitialState } from './stores';
import { VIEWS } from './stores/app-store';
import { useApp, useSettings, useStores } from './stores/hooks';

export function App({ api }: { api: VeoApi }) {
  const stores = useStores();
  const view = useApp((s) => s.view);
  const jobsPanelOpen = useApp((s) => s.jobsPanelOpen);
  const needsOnboarding = useNeedsOnboarding();
  const showJobs = view === 'create' || jobsPanelOpen;

  useEffect(() => {
    const off = connectEvents(api, stores);
    void loadInitialState(stores);
    const connection = getConnection();
    if (connection) stores.app.getState().setConnection(connection.status());
    const offStatus = connection?.onStatus((s) => stores.app.getState().setConnection(s));
    // Events sent while we were away are lost: read the current state again.
    const offReconnect = connection?.onReconnect(() => void loadInitialState(stores));
    return () => {
      off();
      offStatus?.();
      offReconnect?.();
    };
  }, [api, stores]);

  useThemeAttribute();
  useWindowShortcuts();

  return (
    <div className={`app ${showJobs ? 'with-jobs' : ''}`}>
      <Rail />
      <main className="main" id="main">
        <ConnectionBanner />
        {view === 'create' && (needsOnboarding ? <Onboarding /> : <CreateView />)}
        {view === 'library' && <LibraryView />}
        {view === 'settings' && <SettingsView />}
      </main>
      {showJobs && <JobsPanel collapsible={view !== 'create'} />}
      <CompareOverlay />
      <Toasts />
    </div>
  );
}

/** `data-theme` on <html> overrides the OS theme; "system" removes it. */
function useThemeAttribute(): void {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

function useWindowShortcuts(): void {
  const stores = useStores();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isModKey(e) || e.altKey) return;
      const app = stores.app.getState();
      const index = ['1', '2', '3'].indexOf(e.key);
      if (index >= 0) {
        e.preventDefault();
        app.setView(VIEWS[index]!);
      } else if (e.key.toLowerCase() === 'f' && !e.shiftKey) {
        e.preventDefault();
        app.requestSearchFocus();
      } else if (e.key.toLowerCase() === 'o' && !e.shiftKey) {
        e.preventDefault();
        app.requestChooseImage();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}
