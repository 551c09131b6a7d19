// Public: load balancers and `npm start`'s readiness check call this without a session.
import { json } from "@/lib/server/http";
import { appVersion } from "@/lib/server/version";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(): Response {
  return json({ status: "ok", version: appVersion() });
}
