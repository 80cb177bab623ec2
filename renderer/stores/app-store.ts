// Window-level state: which view is showing, the jobs panel, what the hosting face told us about
// itself, and one-shot UI requests (focus the search box, open the file chooser) that menus and
// shortcuts raise and the views consume.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, VeoApi } from '../../shared/contract';
import type { ConnectionStatus } from '../api/types';

export const VIEWS = ['create', 'library', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface AppState {
  view: View;
  /** The jobs panel is always shown on Create; elsewhere the user may collapse it. */
  jobsPanelOpen: boolean;
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

export function createAppStore(api: VeoApi): AppStore {
  return createStore<AppState>((set, get) => ({
    view: 'create',
    jobsPanelOpen: false,
    connection: 'open',
    searchFocusRequest: 0,
    chooseImageRequest: 0,
    chooseImageHandled: 0,
    onboardingDismissed: false,
    setView: (view) => set({ view }),
    toggleJobsPanel: () => set({ jobsPanelOpen: !get().jobsPanelOpen }),
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
