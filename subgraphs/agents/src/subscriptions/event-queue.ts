/**
 * A push-to-pull bridge: events are pushed as they happen and pulled by `for await`, in order,
 * buffered while the reader is slower. `return()` (the reader leaving, e.g. a client gone) ends
 * it and calls `onReturn` once, so the producer can stop its work.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private reader: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;

  constructor(private readonly onReturn: () => void = () => {}) {}

  /** Ignored once the queue has ended. */
  push(item: T): void {
    if (this.ended) return;
    if (this.reader) {
      const read = this.reader;
      this.reader = null;
      read({ value: item, done: false });
      return;
    }
    this.buffered.push(item);
  }

  /** No more events: the reader gets what is buffered, then done. */
  end(): void {
    this.ended = true;
    if (this.reader && this.buffered.length === 0) {
      this.reader({ value: undefined, done: true });
      this.reader = null;
    }
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.buffered.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.reader = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    const wasOpen = !this.ended;
    this.buffered.length = 0;
    this.end();
    if (wasOpen) this.onReturn();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
