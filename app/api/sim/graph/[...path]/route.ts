/**
 * The demo tenant's Graph API (`/api/sim/graph/v1.0/...`, `$batch` included). Not behind
 * the app's sign-in: it checks bearer tokens itself, like Graph. Absent (404) when
 * SIMULATORS=off.
 *
 * Links (nextLink, deltaLink) point at the origin the client called (its Host header).
 * Behind a proxy that rewrites Host, DEMO_TENANT_PUBLIC_URL (e.g.
 * `https://builder.example.com`) names the origin clients use instead. Read here, not in
 * lib/server/env.ts: only this route needs it.
 */
import { z } from "zod";
import { appDemoGraphSimulator } from "@/lib/simulators/graph";
import { whenSimulatorsOn } from "@/lib/simulators/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const publicBaseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://builder.example.com" })
  .refine((value) => {
    const url = new URL(value);
    return !url.search && !url.hash && !url.username && !url.password;
  }, "must be an origin with an optional path, without query, fragment or credentials")
  .optional();

function misconfigured(message: string): Response {
  const error = { code: "invalid_configuration", message: `DEMO_TENANT_PUBLIC_URL ${message}.`, hint: "Fix or unset DEMO_TENANT_PUBLIC_URL and restart the app." };
  return Response.json({ error }, { status: 500 });
}

const handle = whenSimulatorsOn((request) => {
  const configured = publicBaseUrl.safeParse(process.env.DEMO_TENANT_PUBLIC_URL || undefined);
  if (!configured.success) return misconfigured(configured.error.issues[0]!.message);
  return appDemoGraphSimulator().handle(request, { publicBaseUrl: configured.data });
});

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
