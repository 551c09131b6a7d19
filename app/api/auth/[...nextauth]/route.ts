// next-auth's own endpoints (sign-in, sign-out, session, CSRF): public by nature.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request so the environment is read at run time, not at build time.
const handler: Handler = (request, context) => (NextAuth(authOptions()) as unknown as Handler)(request, context);

export { handler as GET, handler as POST };
