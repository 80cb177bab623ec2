import type { Catalog } from '../catalog-types';

// Fragments used inside several sentences of this file (one sentence per key; the fragment is only
// written once). `reason` is the socket failure in words (electron/core/api/network-words.ts).
const REASON =
  '{reason, select, dns {the name {host} could not be resolved (DNS)} dnsAgain {the name {host} could not be resolved just now (DNS did not answer)} ' +
  'refused {{host} refused the connection} unreachable {{host} cannot be reached from this network} timedOut {the connection to {host} timed out} ' +
  'noAnswerWithin {{host} did not answer within {duration}} noAnswer {{host} did not answer in time} couldNotReach {could not reach {host}} ' +
  'certificate {the certificate of {host} is not trusted} proxyTimeout {the proxy {proxy} did not answer} proxyRefused {the proxy {proxy} refused the connection} ' +
  'proxyUnreachable {could not reach the proxy {proxy}} proxy {the proxy failed} other {the connection to {host} broke}}';
const ATTEMPTS = '{attempts, plural, one {# attempt} other {# attempts}}';
const NOT_QUEUED = '{queued, select, no { Nothing was queued and you were not charged.} other {}}';
const CHECK_NETWORK = 'Check your network connection and the API base URL in Settings';

export const api = {
  // network-words.ts: the socket failure on its own (the key check and the outcome sentences use it too)
  'api.network.reason': REASON,
  // classify.ts transportFailure: the network failed below HTTP
  'api.network.failure':
    `Network problem: ${REASON}{attempts, plural, =0 {} one {; gave up after # attempt} other {; gave up after # attempts}}. ` +
    '{advice, select, certificate {Nothing was sent: Veo Studio sends your key only over a trusted connection. Check the API base URL; if a company proxy or antivirus inspects HTTPS, ask for its certificate to be trusted by your system.} ' +
    'proxy {Nothing was sent to the API. Check the proxy in Settings (or HTTPS_PROXY / HTTP_PROXY).} ' +
    `submit {${CHECK_NETWORK}, then try again.} ` +
    `result {${CHECK_NETWORK}, then press "Check again" to fetch the video.} ` +
    `cancel {The cancel did not reach the server, so the job may still finish there and be charged; if it does, its video is still saved here. ${CHECK_NETWORK}, then press Cancel again.} ` +
    `other {${CHECK_NETWORK}, then press "Check again": the job may still be running on the server.}}` +
    '{charge, select, nothingSent { Nothing was sent, so you were not charged.} notCharged { You were not charged.} other {}}',
  // classify.ts outcomeUnknown: the POST may have reached the server
  'api.outcomeUnknown':
    'The request was sent, but {why, select, gateway504 {a gateway timed out waiting for the video service (HTTP 504)} ' +
    'gateway502 {a gateway got a broken answer from the video service (HTTP 502), possibly after it accepted the job} ' +
    'server500 {the server failed (HTTP 500) after the request reached it} noAnswer {no answer arrived in time} ' +
    `brokeOff {the answer broke off before it was complete} unreadable {its answer could not be read} other {${REASON} before the answer arrived}}, ` +
    'so the video may or may not have been queued and charged. Check the request history in your provider dashboard before generating again; Veo Studio will not re-send it on its own.',
  // classify.ts: HTTP answers
  'api.http.notFoundRequest': 'The server does not know request {requestId} (HTTP 404). It may have expired, or belong to another provider or key.',
  'api.http.notFoundThisRequest': 'The server does not know this request (HTTP 404). It may have expired, or belong to another provider or key.',
  'api.http.endpointNotFound': 'The video endpoint was not found (HTTP 404). Check the API base URL in Settings.',
  'api.http.cancelRefused':
    'The provider refused to cancel this job (HTTP {status}). It keeps running on the server and will be charged when it finishes; its video will still be saved here.',
  'api.http.unexpected': 'Unexpected reply from the server (HTTP {status}{hasId, select, yes {, request id {requestId}} other {}})',
  'api.http.malformed':
    'The server’s {op, select, submit {submit} status {status} stream {stream} result {result} cancel {cancel} other {}} reply{hasId, select, yes { (request id {requestId})} other {}} could not be read (HTTP {status}): it is not the answer the video service gives. Check the API base URL in Settings; if it is right, the provider is having trouble — try again later.',
  'api.http.serverProblem':
    `The server had a temporary problem (HTTP {status}{hasType, select, yes {, {errorType}} other {}}); gave up after ${ATTEMPTS}.` +
    '{tail, select, notCharged { You were not charged. Try again in a few minutes.} result { The video may be finished (and charged) on the server; use "Check again" in a few minutes to fetch it.} other { The job may still be running on the server; try again later.}}',
  // classify.ts inputRejected: the service refused the input
  'api.input.contentPolicy':
    'The safety filter refused the {what, select, picture {picture} prompt {prompt} other {prompt or picture}}. ' +
    '{what, select, picture {Use a different picture} prompt {Reword the prompt} other {Reword the prompt or use a different picture}}, then generate again.',
  'api.input.refusedField':
    'The service refused {field, select, picture {the picture} prompt {the prompt} negativePrompt {the negative prompt} aspectRatio {the aspect ratio} duration {the duration} resolution {the resolution} audio {the audio setting} seed {the seed} other {a setting}}' +
    '{more, plural, =0 {} one { and # more setting} other { and # more settings}}. ' +
    '{field, select, picture {Replace the picture, then generate again.} prompt {Edit the prompt, then generate again.} negativePrompt {Edit the negative prompt, then generate again.} other {Change it, then try again.}}',
  'api.input.rejected': 'The server rejected the input (HTTP {status}).',
  'api.input.rejectedSaying': 'The server rejected the input.{picture, select, yes { Replace the picture, then generate again.} other {}}',
  // aggregator-refusals.ts: the aggregator's own answers before anything was queued
  'api.refusal.keyQuota': `This key's quota is used up (HTTP 401) — top up at your provider, then try again.${NOT_QUEUED}`,
  'api.refusal.quota': `Your balance or quota is exhausted (HTTP {status}) — top up at your provider, then try again.${NOT_QUEUED}`,
  'api.refusal.keyRejected': 'The API key was rejected (HTTP 401) — open Settings and check it.',
  'api.refusal.blockedInFront': `Something in front of the provider (a firewall or CDN) blocked the request (HTTP 403) — try another network, or ask your provider.${NOT_QUEUED}`,
  'api.refusal.banned': `Your provider has blocked this account or key (HTTP 403) — contact your provider.${NOT_QUEUED}`,
  'api.refusal.ipNotAllowed': `Your provider does not accept this key from your IP address (HTTP 403) — allow this address in the key’s settings at your provider.${NOT_QUEUED}`,
  'api.refusal.modelNotAllowed': `This key may not use this model or endpoint (HTTP 403) — check which models your key or group allows at your provider.${NOT_QUEUED}`,
  'api.refusal.pictureTooLarge':
    'The picture was too large for this provider{sent, select, known { (the request carried {size}, the picture base64-encoded)} other {}} (HTTP 413). ' +
    `Use {sent, select, known {a smaller picture — clearly smaller than that, e.g. a JPEG at a lower resolution} other {a smaller picture}} — or ask your provider to raise its upload limit — and try again.${NOT_QUEUED}`,
  'api.refusal.rateLimited':
    `{who, select, saturated {The provider's upstream is saturated} other {Rate limited by the server}} (HTTP 429); gave up after ${ATTEMPTS}. Wait a minute, then try again.${NOT_QUEUED}`,
  'api.refusal.noChannel': `The provider cannot serve this model right now (HTTP 503). Try again later, or ask your provider which models your group can use.${NOT_QUEUED}`,
  // aggregator-refusals.ts: the same refusals while following a job already paid for
  'api.paid.quota':
    'Your balance or quota ran out while this job was being followed (HTTP {status}). This job is still running on the server and paid for — top up at your provider, then press "Check again" (CLI: resume) to pick it up.',
  'api.paid.keyRejected':
    'The API key was rejected while this job was being followed (HTTP {status}). This job is still running on the server and paid for — fix the key in Settings, then press "Check again" (CLI: resume) to pick it up.',
  'api.paid.forbidden':
    'This key may no longer read this job (HTTP {status}). This job is still running on the server and paid for — check which models your key or group allows at your provider, then press "Check again" (CLI: resume) to pick it up.',
  'api.paid.noChannel':
    'The provider cannot answer about this job right now (HTTP {status}). This job is still running on the server and paid for — wait a while (or ask your provider about this model), then press "Check again" (CLI: resume) to pick it up.',
  // transport.ts
  'api.transport.keyOriginRefused':
    'Refused to send the API key to {origin}: for this provider it goes only to {configured} (the API base URL in Settings). Nothing was sent. If this job really was sent to {origin}, set that address in Settings and press "Check again".',
  'api.transport.replyTooLarge': 'The server sent a reply larger than {maxBytes} bytes; it was not read.',
  'api.transport.redirect':
    'The server answered with a redirect (HTTP {status}) to {hasWhere, select, yes {{where}} other {another address}}. Veo Studio does not follow redirects with your API key; if the service moved, update the API base URL in Settings.',
  // sse.ts: the status stream
  'api.stream.idle': 'The status stream sent nothing for {seconds} s; it was closed so progress can be checked another way.',
  'api.stream.brokeOff': 'The status stream broke off.',
  'api.stream.closedEarly': 'The status stream closed before the job finished.',
  // rebase.ts
  'api.base.badQueueUrl': 'The server returned a queue URL that is not a valid URL.',
  'api.base.invalid': 'The API base URL "{url}" is not a valid http(s) address. Fix it in Settings.',
  // providers.ts
  'api.key.missing': 'No API key is set for {provider}. Add one in Settings (from a terminal: `npm run cli -- key set`).',
  // balance.ts: why there is no balance to show (the CLI prints it; the chip just hides)
  'api.balance.unreadable': 'The balance could not be read.',
  'api.balance.notReported': '{provider} does not report a balance.',
  'api.balance.noSubscription': 'The provider does not report a balance (billing/subscription answered HTTP {status}).',
  'api.balance.unlimited': 'This key has no spending limit.',
  'api.balance.noUsage': 'The provider does not report usage (billing/usage answered HTTP {status}).',
  'api.balance.notDollars': 'The provider reports a balance that does not look like dollars ({amount}); it may count in its own quota units.',
  'api.balance.falDefaultOnly': 'fal’s billing API is asked only while fal’s default API address is in use.',
  'api.balance.falNotShared': 'fal did not share the balance with this key (HTTP {status}); only admin keys may read it.',
  'api.balance.falCurrency': 'fal reports the balance in {currency}.',
  'api.balance.falNotDollars': 'fal reports a balance that does not look like dollars ({amount}).',
  // key-check.ts: "does this key work?"
  'api.keyCheck.empty': 'The key is empty.',
  'api.keyCheck.unreachable': `Couldn't check the key with {origin} ({reason, select, noAnswerInTime {no answer in time} other {${REASON}}}). Saving it still works offline; it will be checked on the next Generate.`,
  'api.keyCheck.serverProblem': "Couldn't check the key: {origin} had a problem (HTTP {status}). Saving it still works; it will be checked on the next Generate.",
  'api.keyCheck.rateLimited':
    "Couldn't check the key: {origin} is rate limiting or saturated (HTTP 429); try the check again in a minute. Saving it still works; it will be checked on the next Generate.",
  'api.keyCheck.blockedInFront':
    "Couldn't check the key: something in front of {origin} refused the check (HTTP 403). Saving it still works; it will be checked on the next Generate.",
  'api.keyCheck.keyQuota': 'The key is known to {origin}, but its quota is used up — top up or raise its limit.',
  'api.keyCheck.balanceQuota': 'The key is known to {origin}, but the balance or quota is used up — top up at your provider.',
  'api.keyCheck.rejected': '{origin} rejected this key (HTTP 401). Check that you copied all of it.',
  'api.keyCheck.refused': '{origin} refused this key (HTTP 403) — see what the provider said, and fix it in your provider’s dashboard.',
  'api.keyCheck.notTheApi':
    '{origin} does not look like the video API (HTTP {status}, {shape, select, api {an answer the queue API never gives} other {not the API’s JSON}}). Check the API base URL in Settings; the key was not checked.',
  'api.keyCheck.works': 'The key works: {origin} accepted it.',
} as const satisfies Catalog<'api'>;
