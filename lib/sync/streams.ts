/**
 * Small async-stream tools the pipeline is built from, each bounded so memory does not
 * grow with the tenant:
 * - `readAhead`: fetch the next items of a stream while the consumer works on this one;
 * - `flatMapConcurrent`: many inner streams (one listing per group) read at once, their
 *   items merged in arrival order, at most `concurrency` inner streams open.
 * Errors reach the consumer; a consumer that stops early stops the producers.
 */

/** A bounded queue between producers and one consumer. */
class Channel<T> {
  private readonly items: T[] = [];
  private readonly spaceWaiters: (() => void)[] = [];
  private itemWaiter: (() => void) | null = null;
  private closed = false;
  private failure: { error: unknown } | null = null;

  constructor(private readonly capacity: number) {}

  /** Waits for room, then adds; returns false when the consumer went away. */
  async push(item: T, stopped: () => boolean): Promise<boolean> {
    while (this.items.length >= this.capacity && !stopped()) await new Promise<void>((r) => this.spaceWaiters.push(r));
    if (stopped()) return false;
    this.items.push(item);
    this.wakeConsumer();
    return true;
  }

  close(): void {
    this.closed = true;
    this.wakeConsumer();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.wakeConsumer();
  }

  /** Releases producers waiting for room (the consumer stopped). */
  release(): void {
    for (const w of this.spaceWaiters.splice(0)) w();
  }

  /**
   * The items in order; a producer's error comes after the items it had already handed
   * over, so what the consumer gets before the error does not depend on timing.
   */
  async *drain(): AsyncGenerator<T, void, undefined> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift()!;
        this.spaceWaiters.shift()?.();
        yield item;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.closed) return;
      await new Promise<void>((r) => (this.itemWaiter = r));
    }
  }

  private wakeConsumer(): void {
    const w = this.itemWaiter;
    this.itemWaiter = null;
    w?.();
  }
}

/** Yields `source`'s items, keeping up to `ahead` fetched before the consumer asks for them. */
export async function* readAhead<T>(source: AsyncIterable<T>, ahead: number): AsyncGenerator<T, void, undefined> {
  const channel = new Channel<T>(Math.max(1, ahead));
  let stopped = false;
  const iterator = source[Symbol.asyncIterator]();
  const pump = (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        if (!(await channel.push(next.value, () => stopped))) break;
      }
      channel.close();
    } catch (error) {
      channel.fail(error);
    }
  })();
  try {
    yield* channel.drain();
  } finally {
    stopped = true;
    channel.release();
    // The producer may be inside a request: it sees `stopped` when it comes back.
    void pump.then(() => iterator.return?.());
  }
}

/**
 * For each value of `outer`, the items of `inner(value)`, with at most `concurrency`
 * inner streams open at once, merged as they arrive. The first error stops everything
 * (`signal` given to `inner` is aborted) and is thrown to the consumer.
 */
export async function* flatMapConcurrent<V, T>(
  outer: AsyncIterable<V>,
  concurrency: number,
  inner: (value: V, signal: AbortSignal) => AsyncIterable<T>,
  options: { buffer?: number; signal?: AbortSignal } = {},
): AsyncGenerator<T, void, undefined> {
  const channel = new Channel<T>(Math.max(1, options.buffer ?? concurrency));
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const stopped = () => signal.aborted;
  const values = outer[Symbol.asyncIterator]();
  let nextValue: Promise<IteratorResult<V>> | null = null;
  // One pull of `outer` at a time, shared by the workers.
  const pullValue = async (): Promise<IteratorResult<V>> => {
    while (nextValue) await nextValue.catch(() => undefined);
    nextValue = values.next();
    try {
      return await nextValue;
    } finally {
      nextValue = null;
    }
  };
  const worker = async () => {
    while (!stopped()) {
      const next = await pullValue();
      if (next.done) return;
      for await (const item of inner(next.value, signal)) {
        if (!(await channel.push(item, stopped))) return;
      }
    }
  };
  const all = Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker)).then(
    // Workers that stopped because of a cancel did not reach the end: never a quiet end.
    () => (options.signal?.aborted ? channel.fail(options.signal.reason ?? new Error("aborted")) : channel.close()),
    (error: unknown) => {
      channel.fail(error);
      stop.abort(error);
    },
  );
  try {
    yield* channel.drain();
  } finally {
    if (!stop.signal.aborted) stop.abort(new Error("consumer stopped"));
    channel.release();
    void all.then(() => values.return?.());
  }
}
