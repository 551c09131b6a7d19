// The people who can sign in (administrators only: lib/server/people answers 403 otherwise).
import { db } from "@/lib/server/db";
import { json, withSession } from "@/lib/server/http";
import { listPeople } from "@/lib/server/people/people";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (_request, _context, user) => json({ people: await listPeople(db(), user.id), you: user.id }));
