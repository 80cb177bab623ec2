// The queue API on loopback: submit, status (+ SSE stream), result, cancel — answered exactly as
// protocol.md describes, with each job's scenario deciding which faults to inject.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountRefusal, AGGREGATOR_REFUSALS, billingRoute, quotaRefusal, refuseKey, saturated, type SimAccount } from './aggregator';
import { checkSubmitBody } from './input-validation';
import { Exchange, readBody, refusedEarly } from './exchange';
import type { JobRegistry } from './job-registry';
import type { SimJob } from './job-model';
import { chooseScenario, SCENARIO_HEADER, SCENARIO_NAMES, type HttpFault, type StatusFault } from './scenarios';
import { serveStatusStream } from './status-stream';
import type { RequestLog } from './request-log';
import type { ModelId } from '../../../shared/models';
import { modelOfSubmitPath, REQUESTS_PREFIXES, requestsPrefix, statusBody, submitReceipt, videoResultBody } from './wire';

export interface ApiDeps {
  registry: JobRegistry;
  log: RequestLog;
  cdnUrl: string;
  videoSize: number;
  streamSupported: boolean;
  cancelSupported: boolean;
  pingIntervalMs: number;
  account: SimAccount;
  hostNames: ReadonlySet<string>;
}

/** Images travel as data URIs too: 8 MB of image is ~11 MB of base64. */
const MAX_SUBMIT_BYTES = 16 * 1024 * 1024;
/** Any non-empty credential after fal's (`Key`) or the aggregator's (`Bearer`) scheme. */
const AUTHORIZATION = /^(Bearer|Key)\s+\S/i;
const NOT_FOUND = { detail: 'Request not found' };

export function createApiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const ex = new Exchange(req, res, 'api', deps.log);
    if (refusedEarly(ex, deps.hostNames)) return;
    route(ex, deps).catch((err: unknown) => {
      console.error('simulator: handler failed', err);
      if (!res.headersSent) ex.json(500, { detail: 'Simulator bug: see its console', error_type: 'internal_error' });
      else res.destroy();
    });
  };
}

type Target = { kind: 'submit'; model: ModelId } | { kind: 'job'; prefix: string; requestId: string; action: string } | { kind: 'unknown' };

const JOB_ACTIONS = ['', 'status', 'status/stream', 'cancel'];

function targetOf(pathname: string): Target {
  const model = modelOfSubmitPath(pathname);
  if (model) return { kind: 'submit', model };
  const prefix = REQUESTS_PREFIXES.find((p) => pathname.startsWith(p));
  if (prefix === undefined) return { kind: 'unknown' };
  const [requestId = '', ...rest] = pathname.slice(prefix.length).split('/');
  const action = rest.join('/');
  return requestId !== '' && JOB_ACTIONS.includes(action) ? { kind: 'job', prefix, requestId, action } : { kind: 'unknown' };
}

async function route(ex: Exchange, deps: ApiDeps): Promise<void> {
  const target = targetOf(ex.url.pathname);
  const found = target.kind === 'job' ? deps.registry.get(target.requestId) : undefined;
  // A request is known only under its own model's app, as on fal.
  const job = found && target.kind === 'job' && requestsPrefix(found.input.model) === target.prefix ? found : undefined;
  // Tagged before anything is answered so even a 401 or 404 carries x-fal-request-id.
  if (target.kind === 'job') ex.about(target.requestId, job?.scenario);
  if (!AUTHORIZATION.test(ex.req.headers.authorization ?? '')) {
    return ex.json(401, { detail: 'Missing or invalid credentials: send "Authorization: Bearer <key>" or "Key <key>".' });
  }
  if (refuseKey(ex, ex.req.headers.authorization)) return;
  // A disabled key is refused everywhere; the other account refusals are about spending, not reading the balance.
  const refusal = deps.account.refusal;
  if (refusal === 'key_disabled') return accountRefusal(ex, deps.account, refusal);
  if (ex.entry.method === 'GET' && billingRoute(ex, deps.account)) return;
  if (refusal !== undefined && target.kind !== 'unknown') return accountRefusal(ex, deps.account, refusal);
  if (target.kind === 'unknown') return ex.json(404, { detail: 'Not Found' });
  if (target.kind === 'submit') {
    return ex.entry.method === 'POST' ? submit(ex, deps, target.model) : methodNotAllowed(ex, 'POST');
  }

  const { action } = target;
  if (action === 'cancel' && !deps.cancelSupported) return methodNotAllowed(ex, 'GET');
  const allowed = action === 'cancel' ? 'PUT' : 'GET';
  if (ex.entry.method !== allowed) return methodNotAllowed(ex, allowed);
  if (!job) return ex.json(404, action === 'cancel' ? { status: 'NOT_FOUND', ...NOT_FOUND } : NOT_FOUND);

  const withLogs = ['1', 'true'].includes(ex.url.searchParams.get('logs') ?? '');
  if (action === 'status') return status(ex, job, withLogs);
  if (action === 'status/stream') {
    // An aggregator that does not proxy SSE simply has no such route.
    if (!deps.streamSupported || !job.plan.streamSupported) return ex.json(404, { detail: 'Not Found' });
    return serveStatusStream(ex, job, withLogs, deps.pingIntervalMs);
  }
  if (action === 'cancel') return cancel(ex, job);
  return result(ex, job, deps);
}

function methodNotAllowed(ex: Exchange, allow: string): void {
  ex.json(405, { detail: 'Method Not Allowed' }, { allow });
}

async function submit(ex: Exchange, deps: ApiDeps, model: ModelId): Promise<void> {
  // Refused on the announcement, before a byte of it is read (and the connection closed, undrained).
  if (Number(ex.req.headers['content-length'] ?? 0) > MAX_SUBMIT_BYTES) return ex.json(413, { detail: 'Request body too large' }, { connection: 'close' });
  const raw = await readBody(ex.req, MAX_SUBMIT_BYTES);
  if (raw === null) return ex.json(413, { detail: 'Request body too large' });
  const checked = checkSubmitBody(raw, model);
  if (!checked.ok) return ex.json(422, { detail: checked.detail });

  const header = ex.req.headers[SCENARIO_HEADER];
  const choice = chooseScenario(typeof header === 'string' ? header : undefined, checked.input.prompt);
  if (!choice.ok) {
    const msg = `Unknown simulator scenario "${choice.requested}". Known: ${SCENARIO_NAMES.join(', ')}.`;
    return ex.json(422, { detail: [{ loc: ['body', 'prompt'], msg, type: 'value_error', input: choice.requested }] });
  }
  ex.entry.scenario = choice.name;
  const refusal = AGGREGATOR_REFUSALS[choice.name];
  if (refusal) return refusal(ex, deps.account);
  if (deps.registry.shouldRejectSubmit(choice.name)) {
    if (choice.name === 'group_saturated') return saturated(ex);
    return ex.json(429, { detail: 'Rate limit exceeded: too many requests.' }, { 'retry-after': '1' });
  }
  if (!deps.account.canAfford(checked.input)) return quotaRefusal(ex, deps.account);

  const job = deps.registry.create(choice.name, checked.input);
  if (!job) return ex.json(429, { detail: 'The simulator holds too many unfinished jobs; wait for some to finish.' }, { 'retry-after': '5' });
  deps.account.charge(checked.input);
  ex.about(job.requestId, job.scenario);
  // submit_reset: the job exists (and will be charged) but the client never hears about it.
  if (job.plan.resetSubmitAfterCreate) return ex.reset();
  ex.json(200, submitReceipt(job));
}

function sendFault(ex: Exchange, fault: HttpFault): void {
  const headers: Record<string, string> = {};
  if (fault.errorType !== undefined) headers['x-fal-error-type'] = fault.errorType;
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  const body = fault.errorType === undefined ? { detail: fault.detail } : { detail: fault.detail, error_type: fault.errorType };
  ex.json(fault.status, body, headers);
}

function status(ex: Exchange, job: SimJob, withLogs: boolean): void {
  const fault: StatusFault | undefined = job.plan.statusFaults[job.statusCalls];
  job.statusCalls += 1;
  const code = job.state === 'COMPLETED' ? 200 : 202;
  switch (fault?.kind) {
    case 'http':
      return sendFault(ex, fault.fault);
    case 'reset':
      return ex.reset();
    case 'truncated_json': {
      const text = JSON.stringify(statusBody(job, { withLogs }));
      return ex.raw(code, text.slice(0, Math.floor(text.length / 2)), 'application/json');
    }
    case 'stall':
      // Headers now, body never: only a client-side timeout (or the simulator closing) ends this.
      return ex.head(code, { 'content-type': 'application/json' });
    case undefined:
      return ex.json(code, statusBody(job, { withLogs }));
  }
}

function result(ex: Exchange, job: SimJob, deps: ApiDeps): void {
  if (job.state !== 'COMPLETED') return ex.json(400, { detail: 'Request is still in progress' });
  const fault = job.plan.resultFaults[job.resultCalls];
  job.resultCalls += 1;
  if (fault) return sendFault(ex, fault);
  if (job.failure) return ex.json(job.failure.httpStatus, job.failure.body, job.failure.headers);
  ex.json(200, videoResultBody(job, deps.cdnUrl, deps.videoSize));
}

function cancel(ex: Exchange, job: SimJob): void {
  if (job.requestCancel() === 'already_completed') return ex.json(400, { status: 'ALREADY_COMPLETED' });
  ex.json(202, { status: 'CANCELLATION_REQUESTED' });
}
