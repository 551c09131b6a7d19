/**
 * Loopback HTTP servers for the outbound and hostile-data suites:
 * - a canary, which records every request it gets (method, path, headers incl.
 *   Authorization, body) and answers like a willing token endpoint or Graph page, so a
 *   client that reached it would go on; each test asserts it got nothing;
 * - a recording server with answers chosen by the test (a redirect, a hostile body, an
 *   endless stream), which counts the bytes it managed to send: a streamed body is written
 *   with backpressure, so the count says how much the client really read;
 * - the builder wired to such a server as its demo tenant (startHostileTenantBed).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { saveGraphConnection } from "@/lib/builder/connections";
import type { BuilderDeps } from "@/lib/builder/deps";
import { createTestDatabase } from "@/lib/server/db/test-db";

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** Text, or chunks written one by one (waiting for the client to read each). */
  body?: string | Iterable<Buffer>;
}

export interface RecordingServer {
  /** `http://127.0.0.1:{port}`. */
  origin: string;
  requests: RecordedRequest[];
  /** Body bytes written to clients since the start or the last reset (streams stop when the client goes away). */
  bytesSent(): number;
  /** Forgets the requests and bytes so far. */
  reset(): void;
  close(): Promise<void>;
}

export async function startRecordingServer(answer: (request: RecordedRequest, origin: string) => Answer | Promise<Answer>): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let sent = 0;
  let origin = "";
  const server = http.createServer((req, res) => {
    void (async () => {
      const parts: Buffer[] = [];
      for await (const chunk of req) parts.push(chunk as Buffer);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const recorded = { method: req.method ?? "", path: req.url ?? "", headers, body: Buffer.concat(parts).toString("utf8") };
      requests.push(recorded);
      const a = await answer(recorded, origin);
      res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
      if (typeof a.body === "string" || a.body === undefined) {
        sent += Buffer.byteLength(a.body ?? "");
        res.end(a.body ?? "");
        return;
      }
      for (const chunk of a.body) {
        if (res.destroyed) return;
        sent += chunk.byteLength;
        if (!res.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off("drain", done);
              res.off("close", done);
              resolve();
            };
            res.once("drain", done);
            res.once("close", done);
          });
        }
      }
      res.end();
    })().catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    bytesSent: () => sent,
    reset: () => {
      requests.length = 0;
      sent = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What a canary answers: a token (Entra ID's and Port's shapes) and a Graph page, all at once. */
const WILLING_ANSWER = JSON.stringify({
  access_token: "canary-token",
  expires_in: 3600,
  accessToken: "canary-token",
  expiresIn: 3600,
  value: [{ id: "canary" }],
});

export function startCanary(): Promise<RecordingServer> {
  return startRecordingServer(() => ({ body: WILLING_ANSWER }));
}

/** A redirect to `location`, with every status a client might follow. */
export function redirectTo(location: string, status = 307): Answer {
  return { status, headers: { location }, body: "" };
}

/**
 * The builder wired to a demo-tenant-like server whose Graph answers the test chooses (the
 * token endpoint answers like the demo tenant's), with a project of alice's connected to it
 * in demo mode: how Explore, Fields and Mapping meet a hostile or misbehaving Graph.
 */
export interface HostileTenantBed {
  deps: BuilderDeps;
  server: RecordingServer;
  alice: string;
  /** A fresh project of alice's, connected to the server. */
  project(): Promise<string>;
  /** Graph requests the server got (token requests left out). */
  graphRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startHostileTenantBed(graphAnswer: (request: RecordedRequest, origin: string) => Answer | Promise<Answer>): Promise<HostileTenantBed> {
  const t = await createTestDatabase();
  const server = await startRecordingServer((request, origin) =>
    request.path.startsWith("/login/") ? { body: JSON.stringify({ access_token: "HOSTILE-TENANT-TOKEN", expires_in: 3600, token_type: "Bearer" }) } : graphAnswer(request, origin),
  );
  const deps: BuilderDeps = {
    db: t.db,
    encryptionKey: Buffer.alloc(32, 5),
    demo: { origin: server.origin, graphBaseUrl: `${server.origin}/graph/v1.0`, loginBaseUrl: `${server.origin}/login`, portBaseUrl: `${server.origin}/api/sim/port`, fetch: globalThis.fetch },
    extraAllowedHosts: [],
  };
  const alice = (await t.db.user.create({ data: { email: "alice@example.com", name: "Alice" } })).id;
  return {
    deps,
    server,
    alice,
    project: async () => {
      const id = (await t.db.project.create({ data: { name: "Hostile", ownerId: alice } })).id;
      await saveGraphConnection(deps, alice, id, { mode: "demo" });
      return id;
    },
    graphRequests: () => server.requests.filter((r) => !r.path.startsWith("/login/")),
    close: async () => {
      await server.close();
      await t.cleanup();
    },
  };
}
