import { deleteConnection, savePortConnection } from "@/lib/builder/connections";
import { portConnectionInput } from "@/lib/builder/contracts";
import { projectRoute } from "@/lib/builder/route";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const PUT = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, portConnectionInput);
  return json({ port: await savePortConnection(deps, user.id, projectId, body) });
});

export const DELETE = projectRoute("edit", async (_request, { deps, user, projectId }) => {
  await deleteConnection(deps, user.id, projectId, "port");
  return new Response(null, { status: 204 });
});
