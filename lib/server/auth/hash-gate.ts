/**
 * Bounds password hashing, the one thing a stranger can make this server spend CPU on:
 * bcrypt runs on the main thread, so forty hashes at once stall every other request.
 * At most `maxConcurrent` hashes run at a time, at most `maxPerClient` for one client
 * address; a request over either bound is refused at once (429 with Retry-After) rather
 * than queued, so a flood costs nothing but the refusals.
 */
export interface HashGate {
  /** A release function (call it once the hash is done), or null when a bound is reached. */
  tryEnter(client: string): (() => void) | null;
  /** Hashes running now. */
  inFlight(): number;
}

export const HASH_GATE_RETRY_AFTER_SECONDS = 1;

export function createHashGate(options: { maxConcurrent?: number; maxPerClient?: number } = {}): HashGate {
  const maxConcurrent = options.maxConcurrent ?? 2;
  const maxPerClient = options.maxPerClient ?? 1;
  const perClient = new Map<string, number>();
  let running = 0;

  return {
    tryEnter(client) {
      const mine = perClient.get(client) ?? 0;
      if (running >= maxConcurrent || mine >= maxPerClient) return null;
      running++;
      perClient.set(client, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        running--;
        const left = (perClient.get(client) ?? 1) - 1;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      };
    },
    inFlight: () => running,
  };
}
