import { z } from "zod";
import { getVersion } from "@/lib/builder/mapping-history";
import { assertProjectAccess } from "@/lib/builder/access";
import { appBuilderDeps } from "@/lib/builder/app-deps";
import { AppError } from "@/lib/errors";
import { json, withSession } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string; version: string }> };

const versionParam = z.coerce.number().int().min(1).max(2_147_483_647);

/** One saved version of the mapping, with its text. */
export const GET = withSession<Context>(async (_request, { params }, user) => {
  const { id, version } = await params;
  const deps = appBuilderDeps();
  // A project the caller cannot see is a 404 whatever the version says.
  await assertProjectAccess(deps.db, user.id, id, "read");
  const parsed = versionParam.safeParse(version);
  if (!parsed.success) throw new AppError("invalid_request", "version: give a saved version number, e.g. 3.", { status: 400, location: { path: "version" } });
  return json(await getVersion(deps, user.id, id, parsed.data));
});
