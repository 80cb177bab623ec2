// How fal words a failed job: the result endpoint's answer plus the `error`/`error_type` that the
// COMPLETED status body carries. Shapes follow fal's error docs (protocol.md, "Result"):
// model errors are 422 with a `detail` list; request errors are 5xx with `{detail, error_type}`.
import type { SubmittedInput } from './input-validation';
import { firstPictureOf } from '../../../shared/models';

export interface FailureAnswer {
  /** Recorded on the job view. */
  outcome: 'error' | 'cancelled';
  /** What GET /requests/{id} answers, every time it is asked. */
  httpStatus: number;
  body: unknown;
  headers: Record<string, string>;
  /** Carried by the COMPLETED status body. */
  statusError: { error: string; error_type: string };
}

const DOCS = 'https://docs.fal.ai/errors';

export function contentPolicyViolation(input: SubmittedInput): FailureAnswer {
  const msg =
    'The content could not be processed because it contained material flagged by a content checker.';
  return {
    outcome: 'error',
    httpStatus: 422,
    body: {
      detail: [
        {
          loc: ['body', 'prompt'],
          msg,
          type: 'content_policy_violation',
          url: `${DOCS}#content_policy_violation`,
          input: input.prompt,
        },
      ],
    },
    headers: { 'x-fal-retryable': 'false' },
    statusError: { error: msg, error_type: 'content_policy_violation' },
  };
}

export function imageTooSmall(input: SubmittedInput): FailureAnswer {
  const msg = 'Image dimensions are too small. Minimum dimensions are 1280x720 pixels.';
  return {
    outcome: 'error',
    httpStatus: 422,
    body: {
      detail: [
        {
          loc: ['body', input.image_url !== undefined ? 'image_url' : 'first_frame_url'],
          msg,
          type: 'image_too_small',
          url: `${DOCS}#image_too_small`,
          ctx: { min_width: 1280, min_height: 720 },
          // fal echoes the input; a data URI would be huge, so echo only a prefix of it.
          input: firstPictureOf(input).slice(0, 200),
        },
      ],
    },
    headers: { 'x-fal-retryable': 'false' },
    statusError: { error: msg, error_type: 'image_too_small' },
  };
}

/** The input fields that may carry a picture's URL, in the order fal's runner reads them. */
export type PictureUrlField = 'image_url' | 'first_frame_url' | 'last_frame_url';

/** The runner could not download a picture URL (DNS, refused, 4xx/5xx, timeout, too large). */
export function imageDownloadFailed(imageUrl: string, reason: string, field: PictureUrlField = 'image_url'): FailureAnswer {
  return imageUrlFailure(field, imageUrl, 'file_download_error', 'Failed to download the file. Please check if the URL is accessible.', { reason });
}

/** A picture URL downloaded, but it is not a picture the model can read (a web page, a PDF, …). */
export function imageLoadFailed(imageUrl: string, field: PictureUrlField = 'image_url'): FailureAnswer {
  return imageUrlFailure(field, imageUrl, 'image_load_error', 'Failed to load the image. Please ensure the image file is not corrupted and is in a supported format.');
}

function imageUrlFailure(field: PictureUrlField, imageUrl: string, type: string, msg: string, ctx?: Record<string, string>): FailureAnswer {
  return {
    outcome: 'error',
    httpStatus: 422,
    body: { detail: [{ loc: ['body', field], msg, type, url: `${DOCS}#${type}`, ...(ctx ? { ctx } : {}), input: imageUrl.slice(0, 200) }] },
    headers: { 'x-fal-retryable': 'false' },
    statusError: { error: msg, error_type: type },
  };
}

/** fal is mid-migration: some endpoints still answer 422 with `detail` as a plain string. */
export function validationAsString(): FailureAnswer {
  // Said whatever the picture is (the scenario fails every job), so it must not name a fix the
  // picture may already have, like "use a 16:9 picture" for a 1280×720 one.
  const msg = 'Unsupported image: the picture could not be decoded for video generation.';
  return {
    outcome: 'error',
    httpStatus: 422,
    body: { detail: msg },
    headers: {},
    statusError: { error: msg, error_type: 'validation_error' },
  };
}

/** A request error that never clears: fal does not bill 5xx failures. */
export function internalErrorForever(): FailureAnswer {
  const detail = 'Internal server error';
  return {
    outcome: 'error',
    httpStatus: 500,
    body: { detail, error_type: 'internal_error' },
    headers: { 'x-fal-error-type': 'internal_error' },
    statusError: { error: detail, error_type: 'internal_error' },
  };
}

/**
 * The result of a job that was cancelled before it produced anything. fal's docs only say such a job
 * ends COMPLETED; what its result answers is not documented. We answer 422 with a `detail` list of
 * type `request_cancelled` because (a) 400 would mean "not completed yet" and make a client poll
 * forever, (b) 404 would claim the id is unknown, and (c) a 422 detail list is the shape every fal
 * client already parses into a readable message. `X-Fal-Retryable: false`: asking again will not help.
 */
export function cancelledBeforeResult(): FailureAnswer {
  const msg = 'The request was cancelled before it produced a result.';
  return {
    outcome: 'cancelled',
    httpStatus: 422,
    body: { detail: [{ loc: ['body'], msg, type: 'request_cancelled', url: `${DOCS}#request_cancelled` }] },
    headers: { 'x-fal-retryable': 'false' },
    statusError: { error: 'Request was cancelled by the user.', error_type: 'request_cancelled' },
  };
}
