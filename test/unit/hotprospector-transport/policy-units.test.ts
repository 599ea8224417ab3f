import { describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import { backoffDelay, withRetry } from '../../../src/core/providers/hotprospector/transport/retry';
import { createSemaphore } from '../../../src/core/providers/http/semaphore';
import { isCredentialRefusal, isTokenRefusal } from '../../../src/core/providers/hotprospector/transport/refusals';
import { refreshDueAt } from '../../../src/core/providers/hotprospector/transport/tokens';
import { rejectionOf } from './fake-server';

const policy = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  sleep: async () => undefined,
  random: () => 0.999999,
};

describe('backoff', () => {
  it('doubles its ceiling per failure up to the cap, with full jitter below it', () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy));
    expect(ceilings).toEqual([299, 599, 1199, 2399, 4799, 4999]);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0);
  });

  it('retries only transient failures, and never a write', async () => {
    let runs = 0;
    const transient = new CallsideError('network', 'x', { retryable: true });
    await expect(
      withRetry(
        async () => {
          runs += 1;
          throw transient;
        },
        { write: true, policy },
      ),
    ).rejects.toBe(transient);
    expect(runs).toBe(1);

    runs = 0;
    const permanent = new CallsideError('malformed', 'x');
    await expect(
      withRetry(
        async () => {
          runs += 1;
          throw permanent;
        },
        { write: false, policy },
      ),
    ).rejects.toBe(permanent);
    expect(runs).toBe(1);

    runs = 0;
    await expect(
      withRetry(
        async () => {
          runs += 1;
          if (runs < 3) throw transient;
          return 'ok';
        },
        { write: false, policy },
      ),
    ).resolves.toBe('ok');
    expect(runs).toBe(3);
  });
});

describe('semaphore', () => {
  it('grants in arrival order and drops aborted waiters', async () => {
    const slots = createSemaphore(1);
    const order: string[] = [];
    const first = await slots.acquire();
    const controller = new AbortController();
    const b = slots.acquire().then((release) => (order.push('b'), release));
    const aborted = slots.acquire(controller.signal);
    const c = slots.acquire().then((release) => (order.push('c'), release));
    controller.abort();
    expect(((await rejectionOf(aborted)) as CallsideError).code).toBe('cancelled');
    expect(slots.waiting).toBe(2);
    first();
    first(); // a second release is a no-op
    (await b)();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    expect(slots.active).toBe(0);
  });
});

describe('refusal recognition', () => {
  it('spots token refusals but not ordinary validation messages', () => {
    expect(isTokenRefusal({ response: 'false', message: 'Invalid or expired token' })).toBe(true);
    expect(isTokenRefusal([{ response: 'false', message: 'Invalid token' }])).toBe(true);
    expect(isTokenRefusal({ response: 'false', message: 'Invalid provided TagId' })).toBe(false);
    expect(isTokenRefusal({ response: 'true', message: 'Invalid token' })).toBe(false);
    expect(isCredentialRefusal({ response: 'false', message: 'Invalid (api_uId or api_key)' })).toBe(true);
    expect(isCredentialRefusal({ response: 'false', message: 'Invalid LeadId' })).toBe(false);
  });

  it('refreshes 5 min before expiry, or a tenth of the lifetime for short tokens', () => {
    const hours6 = { accessToken: 'a', refreshToken: null, obtainedAt: 0, expiresAt: 21_600_000 };
    expect(refreshDueAt(hours6, 300_000)).toBe(21_300_000);
    const minute = { ...hours6, expiresAt: 60_000 };
    expect(refreshDueAt(minute, 300_000)).toBe(54_000);
  });
});
