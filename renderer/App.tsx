// The window: navigation rail, the current view, and the Jobs panel. Wires the stores to the core's
// events for as long as it is mounted, and owns the window-wide shortcuts. Each view has its own
// error boundary, so one that fails to render never blanks the others; the spend confirmation is
// mounted here because Retry (in the Jobs panel, on every view) can ask for it too.
import { useEffect } from 'react';
import { windowCommandForKey } from '../shared/app-commands';
import type { VeoApi } from '../shared/contract';
import { getConnection } from './api/api';
import { Toasts } from './components/Toasts';
import { ViewBoundary } from './components/ViewBoundary';
import { isModKey, isTypingTarget } from './components/keyboard';
import { CompareOverlay } from './features/compare/CompareView';
import { CreateView } from './features/create/CreateView';
import { SpendConfirmDialog } from './features/create/SpendConfirmDialog';
import { JobsPanel } from './features/jobs/JobsPanel';
import { LibraryView } from './features/library/LibraryView';
import { usePosterMaker } from './features/library/usePosterMaker';
import { Onboarding, useNeedsOnboarding } from './features/onboarding/Onboarding';
import { SettingsView } from './features/settings/SettingsView';
import { ConnectionBanner } from './features/shell/ConnectionBanner';
import { Rail } from './features/shell/Rail';
import { useT } from './i18n/useT';
import { connectEvents, loadInitialState } from './stores';
import { jobsPanelShown } from './stores/app-store';
import { runCommand } from './stores/commands';
import { useApp, useSettings, useStores } from './stores/hooks';

export function App({ api }: { api: VeoApi }) {
  const stores = useStores();
  const view = useApp((s) => s.view);
  const showJobs = useApp(jobsPanelShown);
  const needsOnboarding = useNeedsOnboarding();

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
  // Every finished video gets its poster (a frame of its own) once, whichever view is open.
  usePosterMaker();

  return (
    <div className={`app ${showJobs ? 'with-jobs' : ''}`}>
      <SkipLink />
      <Rail />
      {/* Focusable from script only, so the skip link can land here. */}
      <main className="main" id="main" tabIndex={-1}>
        <ConnectionBanner />
        {view === 'create' && <ViewBoundary view="create">{needsOnboarding ? <Onboarding /> : <CreateView />}</ViewBoundary>}
        {view === 'library' && (
          <ViewBoundary view="library" onReload={() => stores.library.getState().refresh()}>
            <LibraryView />
          </ViewBoundary>
        )}
        {view === 'settings' && (
          <ViewBoundary view="settings">
            <SettingsView />
          </ViewBoundary>
        )}
      </main>
      {showJobs && (
        <ViewBoundary view="jobs" onReload={() => stores.jobs.getState().load()}>
          <JobsPanel />
        </ViewBoundary>
      )}
      <ViewBoundary view="compare">
        <CompareOverlay />
      </ViewBoundary>
      <SpendConfirmDialog />
      <Toasts />
    </div>
  );
}

/**
 * The first Tab stop: straight to the view, past the rail. Focus is moved by hand (no #main in the
 * address: the host's URL carries nothing, and a hash would scroll rather than focus in some faces).
 */
function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('shell.app.skipLink')}
    </a>
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

/**
 * The menu's shortcuts, answered in the page too (the browser host has no menu; in the desktop app
 * the menu's registered accelerators get there first). The keys come from shared/app-commands.ts.
 */
function useWindowShortcuts(): void {
  const stores = useStores();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isModKey(e) || e.altKey || e.shiftKey) return;
      const command = windowCommandForKey(e.key, isTypingTarget(e.target));
      if (!command) return;
      e.preventDefault();
      runCommand(stores, { command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}
