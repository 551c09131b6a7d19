/** The signed-in user in a server component or page (same check as route handlers). */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
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
