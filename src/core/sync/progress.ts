/** What the UI's progress bar and the CLI's stderr lines show (the 'sync.progress' event). */
export interface SyncProgress {
  resource: string;
  done: number;
  total: number | null;
  etaSec: number | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
}

export type ProgressListener = (progress: SyncProgress) => void;

/**
 * Counts one resource's pages (or items) and estimates the time left from the pace so far.
 * The estimate is null until there is a pace to go by and a total to aim at.
 */
export class ResourceProgress {
  private done = 0;
  private total: number | null = null;
  /** Work a resumed pass had already done before this run: not part of this run's pace. */
  private doneBefore = 0;
  private startedAt: number;
  private state: SyncProgress['state'] | null = null;

  constructor(
    readonly resource: string,
    private readonly listener: ProgressListener,
    private readonly clock: () => number = Date.now,
  ) {
    this.startedAt = clock();
  }

  /** Started and not yet finished: what a failed run marks as failed. */
  get running(): boolean {
    return this.state === 'running';
  }

  start(total: number | null = null, done = 0): void {
    this.total = total;
    this.done = done;
    this.doneBefore = done;
    this.startedAt = this.clock();
    this.emit('running');
  }

  setTotal(total: number | null): void {
    this.total = total;
  }

  advance(by = 1): void {
    this.done += by;
    this.emit('running');
  }

  finish(state: Exclude<SyncProgress['state'], 'running'>): void {
    if (state === 'done' && this.total !== null) this.done = Math.max(this.done, this.total);
    this.emit(state);
  }

  private emit(state: SyncProgress['state']): void {
    this.state = state;
    this.listener({
      resource: this.resource,
      done: this.done,
      total: this.total,
      etaSec: state === 'running' ? this.eta() : state === 'done' ? 0 : null,
      state,
    });
  }

  private eta(): number | null {
    const doneNow = this.done - this.doneBefore;
    if (this.total === null || doneNow <= 0) return null;
    const remaining = Math.max(0, this.total - this.done);
    const perItemMs = (this.clock() - this.startedAt) / doneNow;
    return Math.round((remaining * perItemMs) / 1000);
  }
}
