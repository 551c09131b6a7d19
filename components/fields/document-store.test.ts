import { describe, expect, it } from "vitest";
import { DocumentStore, type ServerDocument } from "./document-store";

type Doc = { picked: string[] };

/** Timers that run only when the test says so. */
function manualClock() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer(fn: () => void) {
      const id = next++;
      timers.set(id, fn);
      return id;
    },
    clearTimer(handle: unknown) {
      timers.delete(handle as number);
    },
    get waiting() {
      return timers.size;
    },
    fire() {
      const due = [...timers.values()];
      timers.clear();
      for (const fn of due) fn();
    },
  };
}

interface Call {
  version: number;
  content: Doc;
  keepalive: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

/** A versioned server whose answers the test releases one by one. */
function heldServer(startVersion = 0) {
  let version = startVersion;
  const calls: Call[] = [];
  const save = (v: number, content: Doc, { keepalive }: { keepalive: boolean }) =>
    new Promise<ServerDocument<Doc>>((resolve, reject) => {
      calls.push({
        version: v,
        content,
        keepalive,
        resolve: () => {
          version += 1;
          resolve({ version, content });
        },
        reject,
      });
    });
  return { calls, save, inFlight: () => calls.length };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(startVersion = 3) {
  const clock = manualClock();
  const server = heldServer(startVersion);
  const store = new DocumentStore<Doc>({ empty: { picked: [] }, save: server.save, delayMs: 800, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
  store.receive({ version: startVersion, content: { picked: ["id"] } });
  return { clock, server, store };
}

const pick = (path: string) => (d: Doc) => ({ picked: [...d.picked, path] });

describe("DocumentStore", () => {
  it("saves a burst of edits once, after the quiet delay, with the loaded version", async () => {
    const { clock, server, store } = setup();
    store.edit(pick("mail"));
    store.edit(pick("department"));
    expect(store.getSnapshot().status.state).toBe("pending");
    expect(server.calls).toHaveLength(0);
    expect(clock.waiting).toBe(1);

    clock.fire();
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toMatchObject({ version: 3, content: { picked: ["id", "mail", "department"] }, keepalive: false });
    expect(store.getSnapshot().status.state).toBe("saving");

    server.calls[0]!.resolve();
    await settle();
    expect(store.getSnapshot()).toMatchObject({ version: 4, status: { state: "saved" } });
    expect(store.hasUnsaved()).toBe(false);
  });

  it("sends edits made during a save after it, with the version that save returned, never two at once", async () => {
    const { clock, server, store } = setup();
    const saved: number[] = [];
    store.setOnSaved((doc) => saved.push(doc.version));
    store.edit(pick("mail"));
    clock.fire();
    store.edit(pick("jobTitle"));
    clock.fire(); // the quiet delay passes while the first save is still out
    expect(server.calls).toHaveLength(1);

    server.calls[0]!.resolve();
    await settle();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ version: 4, content: { picked: ["id", "mail", "jobTitle"] } });
    server.calls[1]!.resolve();
    await settle();
    expect(saved).toEqual([4, 5]);
    expect(store.getSnapshot().status.state).toBe("saved");
  });

  it("stops autosaving on a conflict and keeps the edits until the person reloads", async () => {
    const { clock, server, store } = setup();
    store.edit(pick("mail"));
    clock.fire();
    server.calls[0]!.reject({ status: 409, message: "changed elsewhere", hint: "Reload the page" });
    await settle();
    expect(store.getSnapshot().status).toEqual({ state: "conflict", message: "changed elsewhere", hint: "Reload the page" });

    store.edit(pick("surname"));
    expect(clock.waiting).toBe(0);
    await store.flush();
    expect(server.calls).toHaveLength(1);
    expect(store.getSnapshot().content.picked).toEqual(["id", "mail", "surname"]);

    // A refetch does not overwrite the kept edits; "Reload" (force) does.
    store.receive({ version: 9, content: { picked: ["displayName"] } });
    expect(store.getSnapshot().content.picked).toEqual(["id", "mail", "surname"]);
    store.receive({ version: 9, content: { picked: ["displayName"] } }, { force: true });
    expect(store.getSnapshot()).toMatchObject({ version: 9, content: { picked: ["displayName"] }, status: { state: "idle" } });
    expect(store.hasUnsaved()).toBe(false);
  });

  it("reports any other failure, keeps the edits, and saves them with the next edit", async () => {
    const { clock, server, store } = setup();
    store.edit(pick("mail"));
    clock.fire();
    server.calls[0]!.reject({ status: 500, message: "database is locked", hint: "Try again" });
    await settle();
    expect(store.getSnapshot().status).toEqual({ state: "error", message: "database is locked", hint: "Try again" });
    expect(store.hasUnsaved()).toBe(true);

    store.edit(pick("surname"));
    clock.fire();
    expect(server.calls[1]).toMatchObject({ version: 3, content: { picked: ["id", "mail", "surname"] } });
    server.calls[1]!.resolve();
    await settle();
    expect(store.getSnapshot()).toMatchObject({ version: 4, status: { state: "saved" } });
  });

  it("flush sends at once (keepalive when leaving) and resolves when the save is stored", async () => {
    const { clock, server, store } = setup();
    store.edit(pick("mail"));
    const flushed = store.flush({ keepalive: true });
    expect(clock.waiting).toBe(0);
    expect(server.calls[0]).toMatchObject({ keepalive: true, content: { picked: ["id", "mail"] } });
    let done = false;
    void flushed.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    server.calls[0]!.resolve();
    await flushed;
    expect(store.getSnapshot().version).toBe(4);
  });

  it("takes the server's document only when it is newer and nothing local is unsaved", async () => {
    const { clock, server, store } = setup();
    store.receive({ version: 2, content: { picked: ["old"] } });
    expect(store.getSnapshot().content.picked).toEqual(["id"]);
    store.receive({ version: 5, content: { picked: ["from", "another", "tab"] } });
    expect(store.getSnapshot()).toMatchObject({ version: 5, content: { picked: ["from", "another", "tab"] } });

    store.edit(pick("mail"));
    store.receive({ version: 6, content: { picked: [] } });
    expect(store.getSnapshot().content.picked).toEqual(["from", "another", "tab", "mail"]);
    clock.fire();
    expect(server.calls[0]!.version).toBe(5);
  });

  it("starts from the empty content when nothing is stored", () => {
    const clock = manualClock();
    const store = new DocumentStore<Doc>({ empty: { picked: [] }, save: heldServer().save, delayMs: 800, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    expect(store.getSnapshot().loaded).toBe(false);
    store.receive({ version: 0, content: null });
    expect(store.getSnapshot()).toMatchObject({ loaded: true, version: 0, content: { picked: [] } });
  });
});
