import { describe, expect, it } from 'vitest';
import { Exclusive } from '../../../src/core/sync/exclusive';

/** A promise with its resolve/reject in hand. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Exclusive: one conversation with the provider at a time', () => {
  it('starts the next work only when the one before it has settled, in arrival order', async () => {
    const lock = new Exclusive();
    const order: string[] = [];
    const page = deferred();
    const op = deferred();

    const pull = lock.run(async () => {
      order.push('page read');
      await page.promise;
      order.push('page written');
    });
    const send = lock.run(async () => {
      order.push('op sent');
      await op.promise;
      order.push('op confirmed');
    });
    const next = lock.run(async () => order.push('next page read'));

    await tick();
    // The op waits while the page is between its read and its write.
    expect(order).toEqual(['page read']);
    page.resolve();
    await pull;
    await tick();
    expect(order).toEqual(['page read', 'page written', 'op sent']);
    op.resolve();
    await Promise.all([send, next]);
    expect(order).toEqual(['page read', 'page written', 'op sent', 'op confirmed', 'next page read']);
  });

  it('a failed work releases the lock, and its caller still gets the failure', async () => {
    const lock = new Exclusive();
    const failing = deferred();
    const first = lock.run(() => failing.promise);
    let secondRan = false;
    const second = lock.run(async () => {
      secondRan = true;
      return 'done';
    });
    await tick();
    expect(secondRan).toBe(false);
    failing.reject(new Error('connection dropped'));
    await expect(first).rejects.toThrow('connection dropped');
    await expect(second).resolves.toBe('done');
  });
});
