import { db } from "@/lib/server/db";
import { json, readJson, withSession } from "@/lib/server/http";
import { deleteProject } from "@/lib/builder/project-delete";
import { assertProjectOwnedBy, getProject, renameProject, renameProjectSchema } from "@/lib/server/projects";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** The project with the caller's access (owner, edit or read) and its owner's name. */
export const GET = withSession<Context>(async (_request, { params }, user) =>
  json({ project: await getProject(db(), user.id, (await params).id) }),
);

/** Renames it (the owner only); who may is answered before the body is read. */
export const PATCH = withSession<Context>(async (request, { params }, user) => {
  const id = (await params).id;
  await assertProjectOwnedBy(db(), user.id, id, "rename it");
  const body = await readJson(request, renameProjectSchema);
  return json({ project: await renameProject(db(), user.id, id, body.name) });
});

export const DELETE = withSession<Context>(async (_request, { params }, user) => {
  await deleteProject(db(), user.id, (await params).id);
  return new Response(null, { status: 204 });
});
