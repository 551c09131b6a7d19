// One person: change their role or Entra object id, or remove them (administrators only).
import { z } from "zod";
import { db } from "@/lib/server/db";
import { json, readJson, withSession } from "@/lib/server/http";
import { removePerson, updatePerson } from "@/lib/server/people/people";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ personId: string }> };

export const PATCH = withSession<Context>(async (request, { params }, user) => {
  const body = await readJson(request, z.unknown(), { maxBytes: 4 * 1024 });
  return json({ person: await updatePerson(db(), user.id, (await params).personId, body) });
});

/** Their projects move to the administrator removing them; their shares are dropped. */
export const DELETE = withSession<Context>(async (_request, { params }, user) => json(await removePerson(db(), user.id, (await params).personId)));
