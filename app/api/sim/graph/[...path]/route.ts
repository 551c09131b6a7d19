/**
 * The demo tenant's Graph API (`/api/sim/graph/v1.0/...`, `$batch` included). Not behind
 * the app's sign-in: it checks bearer tokens itself, like Graph. Absent (404) when
 * SIMULATORS=off.
 */
import { appDemoGraphSimulator } from "@/lib/simulators/graph";
import { whenSimulatorsOn } from "@/lib/simulators/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = whenSimulatorsOn((request) => appDemoGraphSimulator().handler(request));

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
