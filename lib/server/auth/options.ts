/**
 * next-auth configuration: email + password, optional Microsoft Entra ID sign-in (OIDC)
 * when AUTH_ENTRA_ID_* are set (linked to an account by the token's object id only:
 * lib/server/auth/entra.ts), JWT sessions that end SESSION_MAX_AGE_HOURS after sign-in
 * however often they are used (session.ts) and end on the server at sign-out. Guessing limits and the bound on password hashing wrap
 * the credentials callback route (lib/server/auth/sign-in-guard.ts), before this runs.
 */
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import AzureADProvider from "next-auth/providers/azure-ad";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../log";
import { safeCallbackPath } from "../safe-redirect";
import { accountForEntraProfile } from "./entra";
import { revokeSession, SESSION_ID_CLAIM, sessionIdOf } from "./revocation";
import { isLiveSessionToken, sessionMaxAgeSeconds, SIGNED_IN_AT_CLAIM } from "./session";
import { verifyCredentials } from "./users";

/** Thrown from the jwt callback for a signed-out session: next-auth then clears the cookie. */
export const SESSION_ENDED = "SessionEnded";

function isSessionEnded(metadata: unknown): boolean {
  const m = metadata as { message?: unknown; error?: { message?: unknown } } | undefined;
  return m?.message === SESSION_ENDED || m?.error?.message === SESSION_ENDED;
}

export function authOptions(): NextAuthOptions {
  const config = env();
  const maxAge = sessionMaxAgeSeconds();
  const entraTenantId = config.entraSignIn?.tenantId ?? "";
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        return verifyCredentials(db(), credentials.email, credentials.password);
      },
    }),
  ];
  if (config.entraSignIn) {
    providers.push(
      AzureADProvider({
        clientId: config.entraSignIn.clientId,
        clientSecret: config.entraSignIn.clientSecret,
        tenantId: config.entraSignIn.tenantId,
      }),
    );
  }
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "azure-ad") return true;
        // Only someone an administrator linked by object id (on the person or the
        // invitation), in the configured tenant; refused -> /signin?error=AccessDenied.
        return (await accountForEntraProfile(db(), profile as never, entraTenantId)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (user) {
          // Credentials: `user` is the account verifyCredentials found. Entra: the account
          // linked to the token's oid (never the email claim).
          const row =
            account?.provider === "azure-ad"
              ? await accountForEntraProfile(db(), profile as never, entraTenantId)
              : await db().user.findUnique({ where: { id: user.id }, select: { id: true, email: true, name: true } });
          if (!row) throw new Error(SESSION_ENDED);
          token.sub = row.id;
          token.name = row.name;
          token.email = row.email;
          // One id per sign-in, carried by every re-issued token: sign-out revokes it.
          token[SESSION_ID_CLAIM] = randomUUID();
          // The session's start, also carried along: it ends maxAge after this, however
          // often next-auth re-issues the cookie with a fresh expiry.
          token[SIGNED_IN_AT_CLAIM] = Math.floor(Date.now() / 1000);
          return token;
        }
        // Signed out, or signed in more than maxAge ago: refused, and the cookie cleared.
        if (!(await isLiveSessionToken(token))) throw new Error(SESSION_ENDED);
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
      // Only paths on this site, normalised like the sign-in page does (no `//host`).
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path, "/")}`;
      },
    },
    events: {
      async signOut({ token }) {
        const sessionId = sessionIdOf(token);
        if (sessionId) await revokeSession(db(), sessionId, maxAge);
      },
    },
    logger: {
      error: (code, metadata) => {
        // A signed-out cookie presented again is expected, not a server fault.
        if (isSessionEnded(metadata)) logger().info({ code }, "ended session presented");
        else logger().error({ code, metadata }, "next-auth error");
      },
      warn: (code) => logger().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}
