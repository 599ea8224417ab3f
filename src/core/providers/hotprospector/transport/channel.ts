import { postJson, type HttpAnswer } from './http';
import type { HpNetworkPolicy } from './policy';
import { createSemaphore } from '../../http/semaphore';

export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /**
   * Auth endpoints bypass the cap: a refresh is awaited by calls that may hold every slot,
   * and it is single-flight anyway, so it adds at most one request.
   */
  uncapped?: boolean;
}

export interface Channel {
  send(url: string, body: unknown, options?: SendOptions): Promise<HttpAnswer>;
}

/**
 * One account's pipe to the server. The slot is held for one HTTP attempt only (not across
 * backoff sleeps or token refreshes), and the deadline starts once the slot is granted so
 * queueing behind slow calls is not mistaken for a dead server.
 */
export function createChannel(policy: HpNetworkPolicy): Channel {
  const slots = createSemaphore(policy.maxConcurrent);
  return {
    async send(url, body, options = {}) {
      const post = (): Promise<HttpAnswer> =>
        postJson(url, body, {
          fetch: policy.fetch,
          timeoutMs: options.timeoutMs ?? policy.timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.headers ? { headers: options.headers } : {}),
        });
      if (options.uncapped) return post();
      const release = await slots.acquire(options.signal);
      try {
        return await post();
      } finally {
        release();
      }
    },
  };
}
