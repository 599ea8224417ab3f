/**
 * A readers/writer gate for one SQLite connection. Plain statements take a shared pass and may
 * overlap (SQLite serializes them on the connection anyway); a transaction takes the exclusive
 * pass, so no statement from another caller can slip in between its BEGIN and COMMIT. Waiting
 * writers block new shared passes, so a steady stream of reads cannot starve a sync page.
 */
export class ReadWriteGate {
  private sharedHolders = 0;
  private exclusiveHeld = false;
  private readonly waiters: Array<{ exclusive: boolean; grant: () => void }> = [];

  async shared<T>(work: () => Promise<T>): Promise<T> {
    if (!this.exclusiveHeld && this.waiters.length === 0) this.sharedHolders += 1;
    else await new Promise<void>((grant) => this.waiters.push({ exclusive: false, grant }));
    try {
      return await work();
    } finally {
      this.sharedHolders -= 1;
      this.wakeWaiters();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.exclusiveHeld && this.sharedHolders === 0 && this.waiters.length === 0) this.exclusiveHeld = true;
    else await new Promise<void>((grant) => this.waiters.push({ exclusive: true, grant }));
    try {
      return await work();
    } finally {
      this.exclusiveHeld = false;
      this.wakeWaiters();
    }
  }

  /** Grants passes in arrival order: a run of shared waiters together, an exclusive one alone. */
  private wakeWaiters(): void {
    while (this.waiters.length > 0 && !this.exclusiveHeld) {
      const next = this.waiters[0];
      if (!next) return;
      if (next.exclusive) {
        if (this.sharedHolders > 0) return;
        this.waiters.shift();
        this.exclusiveHeld = true;
        next.grant();
        return;
      }
      this.waiters.shift();
      this.sharedHolders += 1;
      next.grant();
    }
  }
}
