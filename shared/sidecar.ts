// The JSON "sidecar" written next to every saved video (`take.mp4` → `take.json`): enough to know
// how the video was made and to load its settings back into Create. Pure data + zod: a sidecar is
// read back from disk or from a drop, so it is validated like any other untrusted input.
import { z } from 'zod';
import { GenerationParamsSchema, JobInputSchema, PROVIDERS } from './domain';

export const SIDECAR_FORMAT = 'veo-studio.sidecar';
export const SIDECAR_VERSION = 1;

const FileInputSchema = JobInputSchema.options[0];

export const SidecarInputSchema = z.union([
  z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    mime: FileInputSchema.shape.mime,
    originalName: z.string().max(500).optional(),
  }),
  z.object({ url: z.string().url().max(4096) }),
]);
export type SidecarInput = z.infer<typeof SidecarInputSchema>;

export const SidecarSchema = z.object({
  format: z.literal(SIDECAR_FORMAT),
  version: z.literal(SIDECAR_VERSION),
  prompt: z.string(),
  /** Every generation setting, prompt included, exactly as the job was sent. */
  params: GenerationParamsSchema,
  requestId: z.string().optional(),
  provider: z.enum(PROVIDERS),
  apiBase: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** List-price estimate (shared/pricing), not what the provider billed. */
  estimatedCostUsd: z.number().nonnegative(),
  input: SidecarInputSchema,
  /** A first–last-frame job's last frame, described like `input`. Absent in sidecars of one-picture jobs. */
  lastFrame: SidecarInputSchema.optional(),
  video: z.object({ fileName: z.string(), bytes: z.number().int().nonnegative().optional() }),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

/** `take.mp4` → `take.json`; a name without an extension just gains `.json`. */
export function sidecarPathFor(videoPath: string): string {
  const slash = Math.max(videoPath.lastIndexOf('/'), videoPath.lastIndexOf('\\'));
  const dot = videoPath.lastIndexOf('.');
  return `${dot > slash + 1 ? videoPath.slice(0, dot) : videoPath}.json`;
}
