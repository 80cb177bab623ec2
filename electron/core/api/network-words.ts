// Failures below HTTP in words a person can act on: what the socket code means for this host, and
// which proxy refusals no retry can fix. The codes themselves stay on the error, for "Show details".
import { formatMessage, type MessageParams } from '../../../shared/i18n/messages';

/** A proxy address we cannot use, or a proxy that refused by policy or for credentials (4xx): the same every time. */
export function proxyRefusalIsFinal(code: string, statusCode: number | undefined): boolean {
  if (code === 'ERR_PROXY_INVALID' || code === 'ERR_PROXY_UNSUPPORTED') return true;
  return code === 'ERR_PROXY_REFUSED' && statusCode !== undefined && statusCode >= 400 && statusCode < 500;
}

/** The socket-level code as the `reason` of `api.network.reason` (the code itself stays in the error, never in the sentence). */
export function networkReasonKey(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
      return 'dns';
    case 'EAI_AGAIN':
      return 'dnsAgain';
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'unreachable';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timedOut';
    default:
      return 'broke';
  }
}

/** The parameters of `api.network.reason`, and the same in English words (for the CLI and logs). */
export const networkReasonParams = (code: string | undefined, host: string): MessageParams => ({ reason: networkReasonKey(code), host });
export const reasonText = (params: MessageParams): string => formatMessage('en', 'api.network.reason', params);
export function networkReason(code: string | undefined, host: string): string {
  return reasonText(networkReasonParams(code, host));
}

export const durationText = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
};
