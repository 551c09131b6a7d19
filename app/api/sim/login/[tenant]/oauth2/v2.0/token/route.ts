/**
 * The demo tenant's token endpoint (client credentials). Public like Entra's: it checks
 * the client credentials itself. Absent (404) when SIMULATORS=off.
 */
import { appDemoGraphSimulator } from "@/lib/simulators/graph";
import { whenSimulatorsOn } from "@/lib/simulators/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = whenSimulatorsOn((request) => appDemoGraphSimulator().handler(request));

export const GET = handle;
export const POST = handle;
