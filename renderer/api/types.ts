// What the renderer can rely on from whichever face hosts it. In Electron the preload exposes
// `window.veo` (the contract-derived API plus two desktop-only helpers); in the browser host the
// same VeoApi is built over a WebSocket and the desktop helpers are absent.
import type { VeoApi } from '../../shared/contract';

export interface DesktopExtras {
  files: { pathForFile(file: File): string };
  /** Starts a native drag of the job's video file (drag-out to Finder/Explorer). */
  startDrag(id: string): void;
}

export type DesktopVeoApi = VeoApi & DesktopExtras;

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/** Only the browser host has a connection that can drop; Electron's IPC is always there. */
export interface ConnectionHandle {
  status(): ConnectionStatus;
  /** Called on every status change; returns an unsubscribe. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Called after the connection came back (not on the first open): time to re-fetch state. */
  onReconnect(listener: () => void): () => void;
  close(): void;
}

declare global {
  interface Window {
    veo?: DesktopVeoApi;
  }
}
