/**
 * next-auth configuration: email + password, optional Microsoft Entra ID sign-in (OIDC)
 * when AUTH_ENTRA_ID_* are set, JWT sessions that expire after SESSION_MAX_AGE_HOURS.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import AzureADProvider from "next-auth/providers/azure-ad";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../log";
import { createAttemptLimiter, TOO_MANY_ATTEMPTS } from "./attempts";
import { verifyCredentials } from "./users";

const attempts = createAttemptLimiter();

export function authOptions(): NextAuthOptions {
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const email = credentials.email.trim().toLowerCase();
        // Thrown errors reach the sign-in form as `error`; it explains this one.
        if (attempts.retryAfterMs(email) > 0) throw new Error(TOO_MANY_ATTEMPTS);
        // Counted before the (slow) hash check, so parallel guesses cannot slip past the limit.
        attempts.recordFailure(email);
        const user = await verifyCredentials(db(), email, credentials.password);
        if (user) attempts.recordSuccess(email);
        return user;
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
    session: { strategy: "jwt", maxAge: Math.round(config.SESSION_MAX_AGE_HOURS * 3600) },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "azure-ad") return true;
        // Entra ID sign-in is for people who already have an account here (same email).
        const email = user.email?.toLowerCase();
        return Boolean(email && (await db().user.findUnique({ where: { email } })));
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const row = await db().user.findUnique({ where: { email: user.email.toLowerCase() } });
          if (row) {
            token.sub = row.id;
            token.name = row.name;
            token.email = row.email;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      error: (code, metadata) => logger().error({ code, metadata }, "next-auth error"),
      warn: (code) => logger().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}
