import { db } from "@/lib/server/db";
import { json, readJson, withSession } from "@/lib/server/http";
import { deleteProject, getProject, renameProject, renameProjectSchema } from "@/lib/server/projects";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

export const GET = withSession<Context>(async (_request, { params }, user) =>
  json({ project: await getProject(db(), user.id, (await params).id) }),
);

export const PATCH = withSession<Context>(async (request, { params }, user) => {
  const body = await readJson(request, renameProjectSchema);
  return json({ project: await renameProject(db(), user.id, (await params).id, body.name) });
});

export const DELETE = withSession<Context>(async (_request, { params }, user) => {
  await deleteProject(db(), user.id, (await params).id);
  return new Response(null, { status: 204 });
});
