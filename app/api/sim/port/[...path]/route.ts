/**
 * The demo Port's HTTP door (/api/sim/port/v1/...). Thin: the behaviour lives in
 * lib/simulators/port. Outside the app's sign-in, but every endpoint except the token
 * one checks the demo Port's own bearer tokens, like Port. 404 when SIMULATORS=off.
 */
import { appDemoPort } from "@/lib/simulators/port/app-instance";
import { env } from "@/lib/server/env";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  if (!env().SIMULATORS) {
    return Response.json({ ok: false, error: "not_found", message: "The demo Port is off (SIMULATORS=off)." }, { status: 404 });
  }
  return appDemoPort().handle(request);
}

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const PUT = handle;
export const DELETE = handle;
