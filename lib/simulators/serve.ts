/**
 * Serves a fetch-style handler (`(Request) => Response`) over real HTTP on loopback, so
 * simulators, clients and tests talk through sockets exactly as they would in production.
 * The same handlers are mounted as Next route handlers under /api/sim/...
 *
 * A handler may throw `DropConnection` to make the server destroy the socket without an
 * answer (fault injection for "connection reset" paths; only possible here, not in Next).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type FetchHandler = (request: Request) => Promise<Response> | Response;

export class DropConnection extends Error {
  constructor() {
    super("connection dropped by fault injection");
    this.name = "DropConnection";
  }
}

export interface ServedHandler {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveFetchHandler(handler: FetchHandler, options: { port?: number; host?: string } = {}): Promise<ServedHandler> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const origin = `http://${req.headers.host ?? `${host}`}`;
        const headers = new Headers();
        for (const [key, value] of Object.entries(req.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(key, v);
          else if (value !== undefined) headers.set(key, value);
        }
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = new Request(new URL(req.url ?? "/", origin), {
          method: req.method,
          headers,
          body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
          // Node's fetch needs this for streamed request bodies.
          ...(hasBody ? { duplex: "half" } : {}),
        } as RequestInit);
        const response = await handler(request);
        const outHeaders: Record<string, string | string[]> = {};
        response.headers.forEach((value, key) => {
          outHeaders[key] = value;
        });
        res.writeHead(response.status, outHeaders);
        if (response.body) {
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
        }
        res.end();
      } catch (error) {
        if (error instanceof DropConnection) {
          req.socket.destroy();
          return;
        }
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "simulator_error", message: String(error) } }));
        } else {
          res.destroy();
        }
      }
    })();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
