// One writer at a time: every request that may write runs after the one before it has finished, so that
// two people's saves never interleave inside one process (a handler that awaits, e.g. to unseal a signing
// key, would otherwise let another write run between its read and its write). Reads do not wait.
// The queue also says when writes are in flight, so that a restore can refuse rather than pull the
// database from under them.

export class WriterQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Writes queued or running now. */
  get inFlight(): number {
    return this.waiting;
  }

  /** Runs `work` once every write queued before it has finished (whatever their outcome). */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(work);
    const done = () => {
      this.waiting--;
    };
    // The next write waits for this one to settle, not to succeed.
    this.tail = result.then(done, done);
    return result;
  }
}
