/**
 * The demo Port's HTTP door (/api/sim/port/v1/...). Thin: the behaviour lives in
 * lib/simulators/port. Outside the app's sign-in, but every endpoint except the token
 * one checks the demo Port's own bearer tokens, like Port. 404 when SIMULATORS=off.
 */
import { appDemoPort } from "@/lib/simulators/port/app-instance";
import { whenSimulatorsOn } from "@/lib/simulators/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = whenSimulatorsOn(
  (request) => appDemoPort().handle(request),
  () => Response.json({ ok: false, error: "not_found", message: "The demo Port is off (SIMULATORS=off)." }, { status: 404 }),
);

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const PUT = handle;
export const DELETE = handle;
