/**
 * A fetch answered by handlers in this process (the demo tenant and demo Port), under the
 * server's own loopback origin. Each request first waits for the event loop's next turn,
 * as one over the network would: a sync against the demo services is otherwise one long
 * chain of promises, and the server answered nothing else (not even the run's own progress
 * stream) for seconds.
 */
export type InProcessHandler = (request: Request) => Promise<Response> | Response;

export function inProcessFetch(origin: string, route: (pathname: string) => InProcessHandler | null): typeof fetch {
  return async (input, init) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) throw new TypeError(`in-process fetch refused ${url.origin}: only ${origin} is served here`);
    const handler = route(url.pathname);
    return handler ? handler(request) : new Response("Not Found", { status: 404 });
  };
}
