// The compact view of a job that the Library grid and search need, and nothing more: what the
// journal keeps in front of each full record so a library opens by reading summaries only
// (electron/core/library/journal-format.ts). Every field is the job record's own schema, so a full
// JobRecord is also a valid JobSummary and the vocabulary is written once (shared/domain.ts).
import { z } from 'zod';
import { GenerationParamsSchema, JobErrorSchema, JobRecordSchema, type JobRecord } from './domain';
import { MODEL_IDS } from './models';

const R = JobRecordSchema.shape;

export const JobSummarySchema = z.object({
  id: R.id,
  state: R.state,
  params: GenerationParamsSchema.pick({ prompt: true, negativePrompt: true, aspectRatio: true, duration: true, resolution: true }).extend({
    // Optional here (no default), so a summary written before the card named its model reads unchanged.
    model: z.enum(MODEL_IDS).optional(),
  }),
  /** Only what a card shows: the kind of input and, for a file, its thumbnail. */
  input: z.object({ kind: z.enum(['file', 'url']), thumbPath: z.string().optional() }),
  requestId: R.requestId,
  error: JobErrorSchema.pick({ kind: true, message: true }).optional(),
  videoPath: R.videoPath,
  posterPath: R.posterPath,
  favourite: R.favourite,
  parentId: R.parentId,
  /** The card names the take of its shot ("Take 2/4", shared/job-tag.ts). */
  shotId: R.shotId,
  take: R.take,
  createdAt: R.createdAt,
  updatedAt: R.updatedAt,
  /** An imported job's media may differ from what this page showed under the same paths: its URLs carry it. */
  importedAt: R.importedAt,
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

/** The summary of a (validated) record; optional fields that are absent stay absent. */
export function toSummary(record: JobRecord): JobSummary {
  const { params, input, error } = record;
  const summary: JobSummary = {
    id: record.id,
    state: record.state,
    params: {
      prompt: params.prompt,
      aspectRatio: params.aspectRatio,
      duration: params.duration,
      resolution: params.resolution,
      model: params.model,
      ...(params.negativePrompt !== undefined ? { negativePrompt: params.negativePrompt } : {}),
    },
    input: input.kind === 'file' && input.thumbPath !== undefined ? { kind: 'file', thumbPath: input.thumbPath } : { kind: input.kind },
    favourite: record.favourite,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (record.requestId !== undefined) summary.requestId = record.requestId;
  if (error !== undefined) summary.error = { kind: error.kind, message: error.message };
  if (record.videoPath !== undefined) summary.videoPath = record.videoPath;
  if (record.posterPath !== undefined) summary.posterPath = record.posterPath;
  if (record.parentId !== undefined) summary.parentId = record.parentId;
  if (record.shotId !== undefined) summary.shotId = record.shotId;
  if (record.take !== undefined) summary.take = record.take;
  if (record.importedAt !== undefined) summary.importedAt = record.importedAt;
  return summary;
}
