// Red-team F5: the second try said "attempt 3 of 5". The notice already names the attempt about to run.
import { describe, expect, it } from 'vitest';
import { retryNote } from '../../../electron/core/jobs/messages';

describe('retryNote', () => {
  it('names the attempt about to be made, never one past it, and never more than the maximum', () => {
    expect(retryNote({ attempt: 2, maxAttempts: 5, delayMs: 0, reason: 'transient' })).toMatch(/\(attempt 2 of 5\)$/);
    expect(retryNote({ attempt: 5, maxAttempts: 5, delayMs: 0, reason: 'rate_limit' })).toMatch(/^Rate limited.*\(attempt 5 of 5\)$/);
  });
});
