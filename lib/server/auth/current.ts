/** The signed-in user in a server component or page (same check as route handlers). */
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { sessionFromRequest, type SessionUser } from "./session";

export async function currentUser(): Promise<SessionUser | null> {
  const h = await headers();
  return sessionFromRequest(new Request("http://localhost/", { headers: h }));
}

/** For signed-in pages: the user, or a redirect to /signin. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For administrators' pages: the user, a redirect to /signin, or a 404 for a member. */
export async function requireAdminUser(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}
