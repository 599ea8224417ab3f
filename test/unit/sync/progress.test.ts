import { describe, expect, it } from 'vitest';
import { ResourceProgress, type SyncProgress } from '../../../src/core/sync/progress';
import { retryDelayMs } from '../../../src/core/sync/outbox/backoff';
import { judgeFailure } from '../../../src/core/sync/outbox/failure-policy';
import { CallsideError, ERROR_CODES } from '../../../src/shared/errors';

describe('sync progress', () => {
  it('estimates the time left from the pace of this run, once there is a pace and a total', () => {
    let now = 0;
    const seen: SyncProgress[] = [];
    const progress = new ResourceProgress(
      'leads',
      (p) => seen.push(p),
      () => now,
    );
    progress.start(10);
    expect(seen.at(-1)).toEqual({ resource: 'leads', done: 0, total: 10, etaSec: null, state: 'running' });
    now = 4_000;
    progress.advance(2);
    // 2 s per group so far, 8 to go.
    expect(seen.at(-1)?.etaSec).toBe(16);
    progress.finish('done');
    expect(seen.at(-1)).toMatchObject({ done: 10, etaSec: 0, state: 'done' });
  });

  it('does not count work a resumed pass did before this run in its pace', () => {
    let now = 0;
    const seen: SyncProgress[] = [];
    const progress = new ResourceProgress(
      'notes',
      (p) => seen.push(p),
      () => now,
    );
    progress.start(100, 90);
    now = 1_000;
    progress.advance(1);
    expect(seen.at(-1)).toMatchObject({ done: 91, etaSec: 9 });
  });

  it('has no estimate without a total, and none after a failure', () => {
    const seen: SyncProgress[] = [];
    const progress = new ResourceProgress(
      'calls',
      (p) => seen.push(p),
      () => 5,
    );
    progress.start(null);
    progress.advance(100);
    expect(seen.at(-1)?.etaSec).toBeNull();
    expect(progress.running).toBe(true);
    progress.finish('failed');
    expect(seen.at(-1)).toMatchObject({ state: 'failed', etaSec: null });
    expect(progress.running).toBe(false);
  });
});

describe('outbox retry policy', () => {
  it('backs off by doubling up to a ceiling, never retrying at once', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000, random: () => 0 };
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, policy))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(retryDelayMs(3, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(4000);
  });

  it('judges every error code: rejections are permanent, trouble on the way is transient, auth pauses', () => {
    const verdicts = Object.fromEntries(ERROR_CODES.map((code) => [code, judgeFailure(new CallsideError(code, 'x'))]));
    expect(verdicts).toEqual({
      auth: 'pause',
      not_configured: 'pause',
      not_found: 'permanent',
      invalid_request: 'permanent',
      internal: 'permanent',
      bridge_payload: 'permanent',
      unauthorized: 'permanent',
      // A provider failure it does not call passing (a router refusing the Method) is permanent.
      remote: 'permanent',
      malformed: 'transient',
      network: 'transient',
      timeout: 'transient',
      cancelled: 'cancelled',
      storage: 'fatal',
      busy: 'busy',
      unsupported: 'permanent',
    });
    expect(judgeFailure(new CallsideError('remote', 'HTTP 503', { retryable: true }))).toBe('transient');
  });
});
