// next-auth's own endpoints (sign-in, sign-out, session, CSRF): public by nature, so the
// checks a session would otherwise imply run here first (see lib/server/request-checks.ts
// and lib/server/auth/sign-in-guard.ts).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";
import { guardCredentialsSignIn } from "@/lib/server/auth/sign-in-guard";
import { crossSiteRefusal, foreignHostRefusal, isProviderCallback, malformedPathRefusal } from "@/lib/server/request-checks";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request so the environment is read at run time, not at build time.
const nextAuth: Handler = (request, context) => (NextAuth(authOptions()) as unknown as Handler)(request, context);

const handler: Handler = async (request, context) => {
  const { pathname } = new URL(request.url);
  const refused =
    malformedPathRefusal(pathname) ?? foreignHostRefusal(request) ?? (isProviderCallback(pathname) ? null : crossSiteRefusal(request));
  if (refused) return refused;
  if (request.method === "POST" && pathname === "/api/auth/callback/credentials") {
    return guardCredentialsSignIn(request, (guarded) => nextAuth(guarded, context));
  }
  return nextAuth(request, context);
};

export { handler as GET, handler as POST };
