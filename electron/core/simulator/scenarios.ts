// Scenarios: each one is a plan of what a job does and which faults the servers inject around it.
// A client picks one per request with `[sim:<name>]` in the prompt (so the CLI, the app and fal's own
// client can all reach every scenario) or with the `x-sim-scenario` header on submit.
import {
  contentPolicyViolation,
  imageTooSmall,
  internalErrorForever,
  validationAsString,
  type FailureAnswer,
} from './failures';
import type { SubmittedInput } from './input-validation';

export const SCENARIO_NAMES = [
  'happy',
  'long_queue',
  'content_policy',
  'image_too_small',
  'validation_string',
  'rate_limit',
  'server_errors',
  'server_error_final',
  'connection_reset',
  'submit_reset',
  'invalid_json',
  'stall',
  'slow_download',
  'truncated_download',
  'expired_url',
  'cancel_race',
  'no_stream',
  // The aggregator's own answers (aggregator.ts): refused before anything is queued.
  'quota_exhausted',
  'payment_required',
  'model_not_allowed',
  'group_saturated',
  'no_channel',
  'payload_too_large',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIO_HEADER = 'x-sim-scenario';
const PROMPT_TOKEN = /\[sim:([A-Za-z0-9_-]+)\]/;

/** A non-2xx answer in fal's request-error shape `{detail, error_type}` (+ X-Fal-Error-Type). */
export interface HttpFault {
  status: number;
  detail: string;
  errorType?: string;
  retryAfterSeconds?: number;
}

export type StatusFault =
  | { kind: 'http'; fault: HttpFault }
  | { kind: 'reset' } // socket destroyed before any byte is answered
  | { kind: 'truncated_json' } // a well-formed HTTP answer whose JSON body is cut short
  | { kind: 'stall' }; // headers, then never a body

export type CdnBehaviour = 'normal' | 'throttled' | 'truncate_first_fetch' | 'expired';

export interface ScenarioPlan {
  /** Requests ahead of this one at submit; counts down by one per `queueStepMs`. */
  initialQueuePosition: number;
  /** Consecutive submits carrying this scenario answered 429 before one is accepted. */
  rejectedSubmits: number;
  /** Create the job, then destroy the submit's socket: the client cannot know the outcome. */
  resetSubmitAfterCreate: boolean;
  /** The n-th status poll of the job gets statusFaults[n]; later polls answer normally. */
  statusFaults: readonly StatusFault[];
  /** The n-th result call of a finished job gets resultFaults[n]; later calls answer normally. */
  resultFaults: readonly HttpFault[];
  /** Set when the job ends in an error instead of a video. */
  failure?: (input: SubmittedInput) => FailureAnswer;
  streamSupported: boolean;
  /** cancel_race: the job finishes with its video at the very moment the cancel arrives. */
  finishesOnCancel: boolean;
  cdn: CdnBehaviour;
}

const HAPPY: ScenarioPlan = {
  initialQueuePosition: 2,
  rejectedSubmits: 0,
  resetSubmitAfterCreate: false,
  statusFaults: [],
  resultFaults: [],
  streamSupported: true,
  finishesOnCancel: false,
  cdn: 'normal',
};

const httpFault = (status: number, errorType: string, detail: string): StatusFault => ({
  kind: 'http',
  fault: { status, errorType, detail },
});

const PLANS: Record<ScenarioName, ScenarioPlan> = {
  happy: HAPPY,
  long_queue: { ...HAPPY, initialQueuePosition: 8 },
  content_policy: { ...HAPPY, failure: contentPolicyViolation },
  image_too_small: { ...HAPPY, failure: imageTooSmall },
  validation_string: { ...HAPPY, failure: validationAsString },
  rate_limit: {
    ...HAPPY,
    rejectedSubmits: 2,
    statusFaults: [{ kind: 'http', fault: { status: 429, detail: 'Too many requests: slow down.', retryAfterSeconds: 1 } }],
  },
  server_errors: {
    ...HAPPY,
    statusFaults: [
      httpFault(500, 'internal_error', 'Internal server error'),
      httpFault(502, 'runner_connection_error', 'Could not connect to the runner'),
      httpFault(503, 'runner_scheduling_failure', 'No runner could be allocated to handle the request'),
      httpFault(504, 'startup_timeout', 'The runner did not start in time'),
    ],
    resultFaults: [
      { status: 503, errorType: 'runner_scheduling_failure', detail: 'No runner could be allocated to handle the request' },
    ],
  },
  server_error_final: { ...HAPPY, failure: internalErrorForever },
  connection_reset: { ...HAPPY, statusFaults: [{ kind: 'reset' }, { kind: 'reset' }] },
  submit_reset: { ...HAPPY, resetSubmitAfterCreate: true },
  invalid_json: { ...HAPPY, statusFaults: [{ kind: 'truncated_json' }] },
  stall: { ...HAPPY, statusFaults: [{ kind: 'stall' }] },
  slow_download: { ...HAPPY, cdn: 'throttled' },
  truncated_download: { ...HAPPY, cdn: 'truncate_first_fetch' },
  expired_url: { ...HAPPY, cdn: 'expired' },
  cancel_race: { ...HAPPY, finishesOnCancel: true },
  no_stream: { ...HAPPY, streamSupported: false },
  quota_exhausted: HAPPY,
  payment_required: HAPPY,
  model_not_allowed: HAPPY,
  group_saturated: { ...HAPPY, rejectedSubmits: 2 },
  no_channel: HAPPY,
  payload_too_large: HAPPY,
};

export const planFor = (name: ScenarioName): ScenarioPlan => PLANS[name];

const isScenarioName = (s: string): s is ScenarioName => (SCENARIO_NAMES as readonly string[]).includes(s);

export type ScenarioChoice = { ok: true; name: ScenarioName } | { ok: false; requested: string };

/** The header wins over the prompt token; neither means `happy`. */
export function chooseScenario(header: string | undefined, prompt: string): ScenarioChoice {
  const requested = header?.trim() || PROMPT_TOKEN.exec(prompt)?.[1];
  if (requested === undefined || requested === '') return { ok: true, name: 'happy' };
  const normalised = requested.toLowerCase().replace(/-/g, '_');
  return isScenarioName(normalised) ? { ok: true, name: normalised } : { ok: false, requested };
}
