// Window-level state: which view is showing, the jobs panel, what the hosting face told us about
// itself, and one-shot UI requests (focus the search box, open the file chooser) that menus and
// shortcuts raise and the views consume.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, VeoApi } from '../../shared/contract';
import type { ConnectionStatus } from '../api/types';
import type { KeyValueStorage } from './create-store';

/** Where the Jobs panel's two open/closed choices are remembered across reloads and restarts. */
export const JOBS_PANEL_KEY = 'veo.jobsPanel';

export const VIEWS = ['create', 'library', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface AppState {
  view: View;
  /** The Jobs panel on Library and Settings (closed unless the user opens it). */
  jobsPanelOpen: boolean;
  /** The Jobs panel on Create (open unless the user folds it away, e.g. on a small laptop). */
  jobsPanelOpenOnCreate: boolean;
  info?: AppInfo;
  connection: ConnectionStatus;
  /** Bumped to ask the library search box to take focus. */
  searchFocusRequest: number;
  /** Bumped to ask the Create view to open its file chooser. */
  chooseImageRequest: number;
  /**
   * The last request the Create view acted on. It lives here, not in the view, because the request
   * is usually raised from another view: Create mounts with the counter already raised and must
   * still see it as pending.
   */
  chooseImageHandled: number;
  /** The user chose "Not now" on the first-run screen (this session only). */
  onboardingDismissed: boolean;
  setView(view: View): void;
  /** Opens or folds the Jobs panel of the view showing now; remembered. */
  toggleJobsPanel(): void;
  requestSearchFocus(): void;
  requestChooseImage(): void;
  /** True once per request: the caller opens the chooser. */
  takeChooseImageRequest(): boolean;
  setConnection(status: ConnectionStatus): void;
  dismissOnboarding(): void;
  loadInfo(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

/** Whether the Jobs panel shows beside the current view. */
export const jobsPanelShown = (s: Pick<AppState, 'view' | 'jobsPanelOpen' | 'jobsPanelOpenOnCreate'>): boolean =>
  s.view === 'create' ? s.jobsPanelOpenOnCreate : s.jobsPanelOpen;

export function createAppStore(api: VeoApi, storage?: KeyValueStorage): AppStore {
  const remembered = readJobsPanel(storage);
  return createStore<AppState>((set, get) => ({
    view: 'create',
    jobsPanelOpen: remembered.elsewhere,
    jobsPanelOpenOnCreate: remembered.create,
    connection: 'open',
    searchFocusRequest: 0,
    chooseImageRequest: 0,
    chooseImageHandled: 0,
    onboardingDismissed: false,
    setView: (view) => set({ view }),
    toggleJobsPanel: () => {
      const s = get();
      if (s.view === 'create') set({ jobsPanelOpenOnCreate: !s.jobsPanelOpenOnCreate });
      else set({ jobsPanelOpen: !s.jobsPanelOpen });
      const now = get();
      writeJobsPanel(storage, { create: now.jobsPanelOpenOnCreate, elsewhere: now.jobsPanelOpen });
    },
    requestSearchFocus: () => set({ view: 'library', searchFocusRequest: get().searchFocusRequest + 1 }),
    requestChooseImage: () => set({ view: 'create', chooseImageRequest: get().chooseImageRequest + 1 }),
    takeChooseImageRequest: () => {
      const { chooseImageRequest, chooseImageHandled } = get();
      if (chooseImageRequest === chooseImageHandled) return false;
      set({ chooseImageHandled: chooseImageRequest });
      return true;
    },
    setConnection: (connection) => set({ connection }),
    dismissOnboarding: () => set({ onboardingDismissed: true }),
    async loadInfo() {
      const result = await api.app.info();
      if (result.ok) set({ info: result.value });
    },
  }));
}

interface JobsPanelChoice {
  create: boolean;
  elsewhere: boolean;
}

/** Storage is the page's: another version may have written anything there. */
function readJobsPanel(storage: KeyValueStorage | undefined): JobsPanelChoice {
  const defaults = { create: true, elsewhere: false };
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(JOBS_PANEL_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const { create, elsewhere } = parsed as Record<string, unknown>;
    return { create: typeof create === 'boolean' ? create : defaults.create, elsewhere: typeof elsewhere === 'boolean' ? elsewhere : defaults.elsewhere };
  } catch {
    return defaults;
  }
}

function writeJobsPanel(storage: KeyValueStorage | undefined, choice: JobsPanelChoice): void {
  try {
    storage?.setItem(JOBS_PANEL_KEY, JSON.stringify(choice));
  } catch {
    // A full or blocked storage only forgets the choice.
  }
}
