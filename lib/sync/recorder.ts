/**
 * What a run has done so far: counters per resource, the first 500 errors (and how many
 * there were), warnings, and the Port writes it made. Tells listeners after each step
 * (`progress` events) and saves a snapshot to the run's row at most every `persistEveryMs`
 * (the Sync page reads it; the command line's bar listens to the events).
 */
import { isAppError, scrubSecrets, toErrorShape } from "@/lib/errors";
import { isGraphError } from "@/lib/graph";
import { isPortError } from "@/lib/port";
import { databaseFault } from "./database-fault";
import {
  emptyCounters,
  MAX_KEPT_ERRORS,
  MAX_KEPT_WARNINGS,
  type ErrorStage,
  type ResourceCounters,
  type SyncErrorEntry,
  type SyncEvent,
} from "./types";

export interface RecorderSnapshot {
  resources: ResourceCounters[];
  errors: SyncErrorEntry[];
  errorCount: number;
}

export interface RecorderOptions {
  emit?: (event: SyncEvent) => void;
  persist?: (snapshot: RecorderSnapshot) => Promise<void>;
  persistEveryMs?: number;
  now?: () => number;
}

/** An error of a step as an entry: the AppError's code, message and hint, and the upstream status. */
export function errorEntry(stage: ErrorStage, cause: unknown, where: Partial<SyncErrorEntry> = {}): SyncErrorEntry {
  // A locked or full database says so, instead of "something went wrong".
  const error = databaseFault(cause) ?? cause;
  const shape = toErrorShape(error);
  const status = isPortError(error) ? error.upstreamStatus : isGraphError(error) ? error.response?.status : undefined;
  const entry: SyncErrorEntry = { stage, ...shape, ...where };
  // A raw error's own text may quote a secret (a URL with ?client_secret=, a token).
  if (!isAppError(error) && error instanceof Error) entry.message = scrubSecrets(`${shape.message} (${error.message})`);
  if (status !== undefined) entry.status = status;
  return entry;
}

export class RunRecorder {
  readonly resources: ResourceCounters[];
  readonly errors: SyncErrorEntry[] = [];
  readonly warnings: SyncErrorEntry[] = [];
  errorCount = 0;
  readonly portWrites = { upsertRequests: 0, deleteRequests: 0 };
  private lastPersist = 0;
  private persisting: Promise<void> | null = null;
  private dirty = false;
  private readonly now: () => number;

  constructor(kinds: readonly string[], private readonly options: RecorderOptions = {}) {
    this.resources = kinds.map((kind, i) => emptyCounters(i, kind));
    this.now = options.now ?? Date.now;
  }

  emit(event: SyncEvent): void {
    try {
      this.options.emit?.(event);
    } catch {
      // A listener's failure must not stop the sync.
    }
  }

  error(entry: SyncErrorEntry): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push(entry);
  }

  warning(entry: SyncErrorEntry): void {
    if (this.warnings.length < MAX_KEPT_WARNINGS) this.warnings.push(entry);
  }

  /** A resource's counters changed: tell listeners, and save now and then. */
  progress(index: number): void {
    const resource = this.resources[index];
    if (resource) this.emit({ type: "progress", resource: { ...resource } });
    this.dirty = true;
    if (this.options.persist && !this.persisting && this.now() - this.lastPersist >= (this.options.persistEveryMs ?? 1000)) void this.save();
  }

  snapshot(): RecorderSnapshot {
    return { resources: this.resources.map((r) => ({ ...r })), errors: [...this.errors], errorCount: this.errorCount };
  }

  /** Saves what changed since the last save and waits for it. */
  async flush(): Promise<void> {
    while (this.persisting) await this.persisting;
    if (this.dirty) await this.save();
  }

  private save(): Promise<void> {
    this.dirty = false;
    this.lastPersist = this.now();
    const run = this.options.persist!(this.snapshot()).catch(() => {
      // The row is only a view of the progress; the final summary is saved by the caller.
    });
    this.persisting = run.finally(() => {
      this.persisting = null;
    });
    return this.persisting;
  }
}
