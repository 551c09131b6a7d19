/**
 * The demo tenant's token endpoint (client credentials). Public like Entra's: it checks
 * the client credentials itself. Absent (404) when SIMULATORS=off.
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
