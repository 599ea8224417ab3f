/**
 * What a simulator saw: requests received and writes applied, per name (a Hot Prospector Method
 * or V2 endpoint, a Callingly route such as "PUT /agents/{id}"). Tests use `applied` to prove an
 * outbox delivered an operation exactly once, even across retries, dropped connections and restarts.
 */

export interface CounterSnapshot {
  applied: Record<string, number>;
  requests: Record<string, number>;
}

export class Counters {
  private readonly appliedCounts = new Map<string, number>();
  private readonly requestCounts = new Map<string, number>();

  request(name: string): void {
    this.requestCounts.set(name, (this.requestCounts.get(name) ?? 0) + 1);
  }

  applied(name: string): void {
    this.appliedCounts.set(name, (this.appliedCounts.get(name) ?? 0) + 1);
  }

  snapshot(): CounterSnapshot {
    return {
      applied: Object.fromEntries(this.appliedCounts),
      requests: Object.fromEntries(this.requestCounts),
    };
  }

  reset(): void {
    this.appliedCounts.clear();
    this.requestCounts.clear();
  }
}
