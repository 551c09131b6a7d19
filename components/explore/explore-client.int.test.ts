/**
 * The Explore step's browser-side calls against the real explore code and the demo tenant,
 * served over loopback HTTP the way the routes serve them (validation, errors, NDJSON).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, apiFetch } from "../api";
import { runFetchAll, STREAM_ENDED } from "./fetch-all-run";
import { fetchAllReducer, IDLE, type FetchAllAction } from "./fetch-all-state";
import { toExploreRequest, EMPTY_FORM } from "./request-form";
import { graphForProject } from "@/lib/builder/clients";
import { saveGraphConnection } from "@/lib/builder/connections";
import { exploreRequest, fetchAllRequest, type ExploreResponse, type FetchAllRequest } from "@/lib/builder/contracts";
import { fetchAllPages, sendExplore } from "@/lib/builder/explore";
import { ndjsonStream } from "@/lib/builder/ndjson";
import { listSamples } from "@/lib/builder/samples";
import { createBuilderTestbed, type BuilderTestbed } from "@/lib/builder/testing";
import { errorResponse, json, readJson } from "@/lib/server/http";
import { serveFetchHandler, type ServedHandler } from "@/lib/simulators/serve";

let bed: BuilderTestbed;
let app: ServedHandler;

/** The explore routes' handlers, minus the session (alice is signed in). */
async function exploreRoutes(request: Request): Promise<Response> {
  try {
    const [, , , projectId, , rest] = new URL(request.url).pathname.split("/");
    if (rest === "fetch-all") {
      const body = await readJson(request, fetchAllRequest);
      await graphForProject(bed.deps, bed.alice, projectId!);
      return ndjsonStream(fetchAllPages(bed.deps, bed.alice, projectId!, { ...body, signal: request.signal }));
    }
    return json(await sendExplore(bed.deps, bed.alice, projectId!, await readJson(request, exploreRequest)));
  } catch (error) {
    return errorResponse(error);
  }
}

beforeAll(async () => {
  bed = await createBuilderTestbed();
  app = await serveFetchHandler(exploreRoutes);
});
afterAll(async () => {
  await app.close();
  await bed.close();
});

async function project(clientId: "demo-client" | "demo-client-limited" | null = "demo-client"): Promise<string> {
  const id = await bed.project();
  if (clientId) await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId });
  return id;
}

const url = (projectId: string, rest = "") => `${app.url}/api/projects/${projectId}/explore${rest}`;

async function fetchAll(projectId: string, request: FetchAllRequest, onAction?: (a: FetchAllAction, abort: () => void) => void) {
  const actions: FetchAllAction[] = [];
  const controller = new AbortController();
  await runFetchAll(url(projectId, "/fetch-all"), request, controller.signal, (a) => {
    actions.push(a);
    onAction?.(a, () => controller.abort());
  });
  return { actions, state: actions.reduce(fetchAllReducer, IDLE) };
}

describe("sending from the Explore form", () => {
  it("gets Graph's error as an answer (status, body, hint), not as a thrown failure", async () => {
    const id = await project("demo-client-limited");
    const answer = await apiFetch<ExploreResponse>(url(id), { method: "POST", body: JSON.stringify(toExploreRequest({ ...EMPTY_FORM, preset: "groups" })) });
    expect(answer.status).toBe(403);
    expect(answer.graphError?.hint).toMatch(/Group\.Read\.All/);
    expect((answer.body as { error: { code: string } }).error.code).toBe("Authorization_RequestDenied");
  });

  it("a URL for a path is refused by the API with a message about that field", async () => {
    const id = await project();
    const error = await apiFetch(url(id), { method: "POST", body: JSON.stringify({ path: "https://graph.microsoft.com/v1.0/users", query: {}, consistencyLevelEventual: false }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, field: "path" });
    expect((error as ApiError).message).toMatch(/never a URL/);
  });
});

describe("fetch all pages, as the page runs it", () => {
  it("streams progress page by page and ends complete with everything kept", async () => {
    const id = await project();
    const { actions, state } = await fetchAll(id, { path: "/users", query: { $top: "100", $select: "id,displayName" }, consistencyLevelEventual: false, maxPages: 10 });
    const progress = actions.flatMap((a) => (a.type === "event" && a.event.type === "progress" ? [[a.event.pages, a.event.items]] : []));
    expect(progress).toEqual([[1, 100], [2, 200], [3, 250]]);
    expect(state).toMatchObject({ phase: "finished", pages: 3, items: 250, outcome: { kind: "complete" } });
    expect((await listSamples(bed.deps, bed.alice, id))[0]).toMatchObject({ endpoint: "/users", itemCount: 250, pages: 3 });
  });

  it("stops at the page limit and says more pages remain", async () => {
    const id = await project();
    const { state } = await fetchAll(id, { path: "/users", query: { $top: "50" }, consistencyLevelEventual: false, maxPages: 2 });
    expect(state).toMatchObject({ phase: "finished", pages: 2, items: 100, outcome: { kind: "limit" } });
    expect(state.phase === "finished" && state.outcome.kind === "limit" && state.outcome.reason).toMatch(/limit of 2 pages; more pages remain/);
  });

  it("Cancel ends the run at once: nothing read after it counts", async () => {
    const id = await project();
    const { actions, state } = await fetchAll(id, { path: "/users", query: { $top: "1" }, consistencyLevelEventual: false, maxPages: 20 }, (a, abort) => {
      if (a.type === "event") abort();
    });
    expect(actions.map((a) => a.type)).toEqual(["start", "event", "cancelled"]);
    expect(state).toMatchObject({ phase: "finished", pages: 1, items: 1, outcome: { kind: "cancelled" } });
  });

  it("reports Graph's error with its hint when the connection lacks a permission", async () => {
    const id = await project("demo-client-limited");
    const { state } = await fetchAll(id, { path: "/groups", query: {}, consistencyLevelEventual: false, maxPages: 5 });
    expect(state.phase === "finished" && state.outcome).toMatchObject({ kind: "error", error: { hint: expect.stringMatching(/Group\.Read\.All/) } });
  });

  it("a project without a Graph connection fails before streaming, with the API's message and hint", async () => {
    const id = await project(null);
    const { state } = await fetchAll(id, { path: "/users", query: {}, consistencyLevelEventual: false, maxPages: 5 });
    expect(state.phase === "finished" && state.outcome).toMatchObject({ kind: "error", error: { code: "graph_not_connected", hint: expect.any(String) } });
  });

  it("a stream that stops without its final event is an error, not a success", async () => {
    const broken = await serveFetchHandler(() => new Response('{"type":"progress","pages":1,"items":100,"maxPages":5}\n', { headers: { "content-type": "application/x-ndjson" } }));
    try {
      const actions: FetchAllAction[] = [];
      await runFetchAll(`${broken.url}/x`, { path: "/users", maxPages: 5 }, new AbortController().signal, (a) => actions.push(a));
      expect(actions.reduce(fetchAllReducer, IDLE)).toMatchObject({ phase: "finished", pages: 1, outcome: { kind: "error", error: STREAM_ENDED } });
    } finally {
      await broken.close();
    }
  });

  it("an unreachable server is a network error, reported rather than thrown", async () => {
    const gone = await serveFetchHandler(() => new Response(null));
    await gone.close();
    const actions: FetchAllAction[] = [];
    await runFetchAll(`${gone.url}/x`, { path: "/users", maxPages: 5 }, new AbortController().signal, (a) => actions.push(a));
    expect(actions.at(-1)).toMatchObject({ type: "failed", error: { code: "network_error" } });
  });
});
