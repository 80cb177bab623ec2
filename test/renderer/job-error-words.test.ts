// Issue 12 item 4: a failure that never reached a server is not "The service had a problem", and a
// failed action keeps its own title ("Could not cancel the job") over a generic one.
import { describe, expect, it } from 'vitest';
import { describeIpcError, describeJobError } from '../../renderer/api/errors';

describe('failure titles', () => {
  it('a network failure (no HTTP answer) is a connection problem; a 5xx is the service', () => {
    expect(describeJobError({ kind: 'transient', message: 'Network problem: the name api.example could not be resolved (DNS)…' }).title).toBe('Connection problem');
    expect(describeJobError({ kind: 'transient', httpStatus: 503, message: 'The server had a temporary problem…' }).title).toBe('The service had a problem');
  });

  it('an action that failed for want of a connection is titled with the action', () => {
    const error = { kind: 'transient' as const, message: 'Network problem: … The cancel did not reach the server …' };
    expect(describeIpcError({ kind: 'failed', message: error.message, jobError: error }, 'Could not cancel the job').title).toBe('Could not cancel the job');
    const auth = { kind: 'auth' as const, message: 'The API key was rejected (HTTP 401)' };
    expect(describeIpcError({ kind: 'failed', message: auth.message, jobError: auth }, 'Could not cancel the job').title).toBe('The API key was rejected');
  });
});
