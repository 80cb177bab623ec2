// What the core answers on the invoke channels of shared/contract.ts (the reply types). Types only:
// replies are not validated on the renderer side, they come from the trusted core.
import type { GenerationParams, JobRecord, Provider } from './domain';
import type { CodedMessage } from './i18n/messages';
import type { JobSummary } from './job-summary';

/** What the renderer learns about a prepared picture. The bytes stay in main under `token`. */
export interface PreparedImageInfo {
  token: string;
  kind: 'file' | 'url';
  name?: string;
  mime?: string;
  width?: number;
  height?: number;
  bytes?: number;
  /** A small JPEG data URI for the drop-zone preview and crop guides (file inputs only). */
  previewDataUri?: string;
  url?: string;
  /** `code` is the kind (small, aspect, downscaled); `text` the words as data: renderMessage(locale, { ...text, message }). */
  warnings: Array<{ code: string; message: string; text?: CodedMessage }>;
}

export interface SidecarOpenResult {
  params: GenerationParams;
  /** The original picture, when the sidecar names a URL or the library still holds the file. */
  image?: PreparedImageInfo;
  /** Why the picture could not be restored (params only). */
  note?: string;
}

export interface AppInfo {
  version: string;
  face: 'electron' | 'host';
  platform: string;
  dataDir: string;
  /** Prefix for library media: `${mediaBase}/${relativePath}` plays in <video>/<img>. */
  mediaBase: string;
  /** Provider and base URL new jobs go to (settings + command-line overrides). */
  provider: Provider;
  apiBase: string;
  /** The provider was fixed when this face started (--provider): choosing another in Settings would change nothing. */
  providerFixed?: boolean;
  /** Whether "Save video as…" / "Show in folder" / drag-out exist in this face. */
  nativeFiles: boolean;
}

/** One finished video of a continuation chain; `order` counts from 1. */
export interface ChainFile {
  order: number;
  id: string;
  prompt: string;
  videoPath: string;
}

export interface PortableExportResult {
  exported: number;
  dest: string;
  /** Jobs left out, one sentence each. */
  problems: string[];
}

export interface PortableImportResult {
  imported: number;
  /** Already in this library (same job id or same request id). */
  skipped: number;
  problems: string[];
}

export interface LibraryPage {
  items: JobRecord[];
  total: number;
}

/** A page of the Library grid: summaries only; the full record comes from library:get when a job is opened. */
export interface SummaryPage {
  items: JobSummary[];
  total: number;
}
