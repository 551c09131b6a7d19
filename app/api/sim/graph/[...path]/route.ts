/**
 * The demo tenant's Graph API (`/api/sim/graph/v1.0/...`, `$batch` included). Not behind
 * the app's sign-in: it checks bearer tokens itself, like Graph. Absent (404) when
 * SIMULATORS=off.
 */
import { env } from "@/lib/server/env";
import { appDemoGraphSimulator } from "@/lib/simulators/graph";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  if (!env().SIMULATORS) return new Response("Not Found", { status: 404 });
  return appDemoGraphSimulator().handler(request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
