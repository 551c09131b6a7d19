/**
 * The editing buffer of a versioned step document (picked fields, blueprints): the
 * person's latest content, the version it is based on, and its autosave. Edits are saved
 * after a quiet delay (one request for a burst of typing), one save at a time, each with
 * the version the previous one returned; a refused save (409: another tab or person saved
 * first) stops autosaving and keeps the edits until the person chooses to reload.
 *
 * Framework-free: the React hook (useStepDocument) feeds it what the server returned and
 * reads it with useSyncExternalStore. The clock is injected so tests count timers instead
 * of waiting for them.
 */

export type SaveStatus =
  /** Nothing changed since the document was loaded. */
  | { state: "idle" }
  /** Changes wait for the quiet delay. */
  | { state: "pending" }
  | { state: "saving" }
  | { state: "saved" }
  /** The last save failed; the edits are kept and the next edit (or retry) saves again. */
  | { state: "error"; message: string; hint?: string }
  /** Someone else saved first; autosave stops until the person reloads. */
  | { state: "conflict"; message: string; hint?: string };

export interface DocumentSnapshot<T> {
  /** Whether the server's document has arrived. */
  loaded: boolean;
  content: T;
  /** The server version the content is based on (0: nothing stored yet). */
  version: number;
  status: SaveStatus;
}

export interface ServerDocument<T> {
  version: number;
  content: T | null;
}

export interface SaveFailure {
  /** HTTP status when the server answered. */
  status?: number;
  message: string;
  hint?: string;
}

export interface DocumentStoreOptions<T> {
  /** The content while nothing is stored. */
  empty: T;
  /** Sends the content with the version it is based on; resolves with what the server stored. */
  save(version: number, content: T, options: { keepalive: boolean }): Promise<ServerDocument<T>>;
  /** Quiet delay before an edit is saved. */
  delayMs: number;
  /** Timers (injected for tests). */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** How a rejected save reads; by default the error's message. */
  describeError?(error: unknown): SaveFailure;
}

function defaultDescribe(error: unknown): SaveFailure {
  if (typeof error === "object" && error !== null && "message" in error) {
    const e = error as { status?: unknown; message: unknown; hint?: unknown };
    return {
      status: typeof e.status === "number" ? e.status : undefined,
      message: String(e.message),
      hint: typeof e.hint === "string" ? e.hint : undefined,
    };
  }
  return { message: String(error) };
}

export class DocumentStore<T> {
  private snapshot: DocumentSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  /** Edits not yet sent. */
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  /** Called after each successful save (the hook updates the query cache and the step rail). */
  private onSaved: ((doc: ServerDocument<T>) => void) | null = null;

  constructor(private readonly options: DocumentStoreOptions<T>) {
    this.snapshot = { loaded: false, content: options.empty, version: 0, status: { state: "idle" } };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DocumentSnapshot<T> => this.snapshot;

  setOnSaved(listener: ((doc: ServerDocument<T>) => void) | null): void {
    this.onSaved = listener;
  }

  /** Edits that are not stored yet (waiting, being sent, or refused). */
  hasUnsaved(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /**
   * The server's document (first load or a refetch). Ignored while local edits are
   * unsaved, so a refetch cannot overwrite them, and when it is older than what this
   * store already saved. `force` (after a conflict, "Reload") drops the local edits.
   */
  receive(doc: ServerDocument<T>, { force = false }: { force?: boolean } = {}): void {
    if (!force) {
      if (this.hasUnsaved()) return;
      if (this.snapshot.loaded && doc.version <= this.snapshot.version) return;
    }
    this.cancelTimer();
    this.dirty = false;
    const status: SaveStatus = force || !this.snapshot.loaded ? { state: "idle" } : this.snapshot.status;
    this.set({ loaded: true, content: doc.content ?? this.options.empty, version: doc.version, status });
  }

  /** Changes the content and schedules its save. */
  edit(update: (current: T) => T): void {
    const content = update(this.snapshot.content);
    if (content === this.snapshot.content) return;
    this.dirty = true;
    const blocked = this.snapshot.status.state === "conflict";
    this.set({ ...this.snapshot, content, status: blocked ? this.snapshot.status : this.inFlight ? { state: "saving" } : { state: "pending" } });
    if (!blocked) this.schedule();
  }

  /** Saves now what is waiting; resolves when nothing is in flight any more. */
  async flush({ keepalive = false }: { keepalive?: boolean } = {}): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (this.dirty && this.snapshot.status.state !== "conflict") {
      this.send(keepalive);
      while (this.inFlight) await this.inFlight;
    }
  }

  /** After an error: try again now. */
  retry(): Promise<void> {
    return this.flush();
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      // A save in flight sends the newer edits itself when it settles.
      if (!this.inFlight) this.send(false);
    }, this.options.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
  }

  private send(keepalive: boolean): void {
    if (!this.dirty || this.inFlight) return;
    this.dirty = false;
    const { content, version } = this.snapshot;
    this.set({ ...this.snapshot, status: { state: "saving" } });
    this.inFlight = this.options
      .save(version, content, { keepalive })
      .then(
        (doc) => {
          this.inFlight = null;
          this.set({ ...this.snapshot, version: doc.version, status: this.dirty ? { state: "pending" } : { state: "saved" } });
          this.onSaved?.(doc);
          if (this.dirty && this.timer === null) this.send(false);
        },
        (error: unknown) => {
          this.inFlight = null;
          this.dirty = true;
          const failure = (this.options.describeError ?? defaultDescribe)(error);
          const state = failure.status === 409 ? "conflict" : "error";
          this.set({ ...this.snapshot, status: { state, message: failure.message, hint: failure.hint } });
        },
      );
  }

  private set(next: DocumentSnapshot<T>): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
