// Issue 12 item 4: a failure offers first the action that can change its outcome — never a Retry that
// is refused the same way, never a Retry that pays twice for a job the service may still be making.
import { describe, expect, it } from 'vitest';
import { failureFixes, isPaused, statusLabel } from '../../../shared/job-outcome';

describe('failureFixes', () => {
  it('a refused picture leads with Replace picture, a refused prompt with Edit prompt; Retry is never first', () => {
    const tooSmall = failureFixes({ state: 'failed', error: { kind: 'validation', field: 'image_url' } });
    expect(tooSmall[0]).toBe('replace_picture');
    expect(tooSmall).not.toContain('retry');
    const policyPrompt = failureFixes({ state: 'failed', error: { kind: 'content_policy', field: 'prompt' } });
    expect(policyPrompt[0]).toBe('edit_prompt');
    expect(policyPrompt.at(-1)).toBe('retry');
    expect(failureFixes({ state: 'failed', error: { kind: 'content_policy', field: 'image_url' } })[0]).toBe('replace_picture');
    expect(failureFixes({ state: 'failed', error: { kind: 'content_policy' } })).toEqual(['edit_prompt', 'replace_picture', 'retry']);
  });

  it('a job that failed after the service accepted it offers Check again first; one never sent does not', () => {
    expect(failureFixes({ state: 'failed', requestId: 'r-1', error: { kind: 'transient' } })[0]).toBe('check_again');
    expect(failureFixes({ state: 'failed', error: { kind: 'transient' } })).not.toContain('check_again');
    expect(failureFixes({ state: 'failed', error: { kind: 'outcome_unknown' } })).toEqual(['check_again', 'edit_settings']);
  });

  it('an unknown outcome on a free provider (the simulator, submit_reset) offers Retry: it cannot pay twice', () => {
    expect(failureFixes({ state: 'failed', error: { kind: 'outcome_unknown', notCharged: true } })).toEqual(['retry', 'edit_settings']);
  });

  it('an expired video and a forgotten request offer Retry (a new job), never Check again', () => {
    expect(failureFixes({ state: 'failed', requestId: 'r-1', error: { kind: 'expired' } })).toEqual(['retry', 'edit_settings']);
    expect(failureFixes({ state: 'failed', requestId: 'r-1', error: { kind: 'not_found' } })).not.toContain('check_again');
  });

  it('a paid job paused by a refusal offers only Check again and reads "needs attention", not "running"', () => {
    const paused = { state: 'running' as const, requestId: 'r-1', error: { kind: 'quota' as const } };
    expect(isPaused(paused)).toBe(true);
    expect(failureFixes(paused)).toEqual(['check_again']);
    expect(statusLabel(paused)).toBe('needs attention');
    expect(statusLabel({ state: 'running' })).toBe('running');
    expect(failureFixes({ state: 'running' })).toEqual([]);
    expect(failureFixes({ state: 'completed' })).toEqual([]);
  });
});
