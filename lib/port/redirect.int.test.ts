/**
 * A redirect from Port's address must never carry the client secret or the token
 * elsewhere: the client refuses to follow it, and the other host receives nothing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveFetchHandler, type ServedHandler } from "../simulators/serve";
import { createPortClient } from "./client";

let elsewhere: ServedHandler;
let redirecting: ServedHandler;
const seenElsewhere: string[] = [];

beforeAll(async () => {
  elsewhere = await serveFetchHandler(async (request) => {
    seenElsewhere.push(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`);
    return Response.json({ accessToken: "stolen", expiresIn: 3600 });
  });
  redirecting = await serveFetchHandler((request) => {
    const { pathname } = new URL(request.url);
    return new Response(null, { status: 307, headers: { location: `${elsewhere.url}${pathname}` } });
  });
});
afterAll(async () => {
  await redirecting.close();
  await elsewhere.close();
});

it("does not follow a redirect with the client secret", async () => {
  const client = createPortClient({
    baseUrl: `${redirecting.url}/api/sim/port`,
    clientId: "real-client-id",
    clientSecret: "REAL-SECRET",
    retry: { maxAttempts: 1 },
  });
  await expect(client.checkCredentials()).rejects.toMatchObject({ name: expect.stringMatching(/Error/) });
  expect(seenElsewhere).toEqual([]);
});
