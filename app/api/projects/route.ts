import { db } from "@/lib/server/db";
import { json, readJson, withSession } from "@/lib/server/http";
import { createProject, createProjectSchema, listProjects } from "@/lib/server/projects";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (_request, _context, user) => json({ projects: await listProjects(db(), user.id) }));

export const POST = withSession(async (request, _context, user) => {
  const body = await readJson(request, createProjectSchema);
  return json({ project: await createProject(db(), user.id, body.name) }, { status: 201 });
});
