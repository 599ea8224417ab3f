/**
 * One conversation with the provider at a time per workspace, in arrival order. A pulled page
 * is fetched and written under it, and so is an outbox operation (send and confirm). That
 * keeps a page read just before an operation landed from being written just after the
 * operation's protection of its fields ended, which would briefly undo the agent's change.
 */
export class Exclusive {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    // The next caller waits for this one to settle, whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
