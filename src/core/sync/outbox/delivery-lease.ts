import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { CallsideError } from '../../../shared/errors';
import type { Cache, CacheRepositories } from '../../cache';
import { CURSOR, readCursor } from '../cursors';

/**
 * Who may deliver this cache's outbox right now. The desktop app and a CLI `sync` may open the
 * same cache file at once; each has its own sender, and both would otherwise send the oldest
 * pending op. The lease is a row in the cache itself, taken and renewed inside
 * `BEGIN IMMEDIATE` transactions, so SQLite's write lock makes taking it atomic across
 * processes. It expires on its own (a holder that was killed cannot renew; one on this machine
 * whose process is gone is passed over at once), and the in-flight mark then makes the next
 * holder verify before it sends the dead holder's last op again.
 */
const leaseSchema = z.object({
  owner: z.string(),
  pid: z.number().int(),
  host: z.string(),
  label: z.string(),
  expiresAtMs: z.number(),
});
export type LeaseHolder = z.infer<typeof leaseSchema>;

/** Long enough to cover one op's slowest attempt; renewed well before it runs out. */
export const DEFAULT_LEASE_TTL_MS = 30_000;

export type LeaseResult = { ok: true } | { ok: false; holder: LeaseHolder };

export interface DeliveryLeaseOptions {
  /** How this process introduces itself to the other side ("the desktop app", "callside sync"). */
  label?: string;
  ttlMs?: number;
  clock?: () => number;
}

export class DeliveryLease {
  readonly owner = randomUUID();
  private readonly ttlMs: number;
  private readonly clock: () => number;
  private readonly label: string;

  constructor(
    private readonly cache: Cache,
    options: DeliveryLeaseOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.clock = options.clock ?? Date.now;
    this.label = options.label ?? 'Callside';
  }

  /** Takes (or renews) the lease unless another live holder has it. */
  acquire(): Promise<LeaseResult> {
    return this.cache.transaction((tx) => this.claim(tx));
  }

  /**
   * Inside the caller's transaction: fails with `busy` unless this sender holds the lease (and
   * renews it). The in-flight mark is written under it, so an op is claimed atomically.
   */
  async hold(tx: Pick<CacheRepositories, 'syncCursors'>): Promise<void> {
    const result = await this.claim(tx);
    if (!result.ok) throw busyError(result.holder);
  }

  async release(): Promise<void> {
    await this.cache.transaction(async (tx) => {
      const holder = await readCursor(tx, CURSOR.outboxLease, leaseSchema);
      if (holder?.owner === this.owner) await tx.syncCursors.reset(CURSOR.outboxLease);
    });
  }

  private async claim(tx: Pick<CacheRepositories, 'syncCursors'>): Promise<LeaseResult> {
    const now = this.clock();
    const holder = await readCursor(tx, CURSOR.outboxLease, leaseSchema);
    if (holder && holder.owner !== this.owner && isLive(holder, now)) return { ok: false, holder };
    const mine: LeaseHolder = {
      owner: this.owner,
      pid: process.pid,
      host: hostname(),
      label: this.label,
      expiresAtMs: now + this.ttlMs,
    };
    await tx.syncCursors.set(CURSOR.outboxLease, mine);
    return { ok: true };
  }
}

/** The live holder of a cache's outbox lease, if any. */
export async function leaseHolder(
  tx: Pick<CacheRepositories, 'syncCursors'>,
  now = Date.now(),
): Promise<LeaseHolder | null> {
  const holder = await readCursor(tx, CURSOR.outboxLease, leaseSchema);
  return holder && isLive(holder, now) ? holder : null;
}

/**
 * A lease counts until it expires, unless its holder is a process on this machine that no
 * longer exists (it was killed): then the next sender need not wait out the rest of it.
 */
function isLive(holder: LeaseHolder, now: number): boolean {
  if (holder.expiresAtMs <= now) return false;
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the side that has to wait is told: who holds the outbox, and that nothing is lost. */
export function busyError(holder: LeaseHolder): CallsideError {
  return new CallsideError(
    'busy',
    `Another Callside process (${holder.label}, process ${holder.pid}) is delivering this account's changes ` +
      'right now; they stay queued here and go out from there.',
    { retryable: true },
  );
}
