import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/admin/AcceptInviteForm";
import { isAppError } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { describeInvitation, unknownLink } from "@/lib/server/people/invitations";
import { invitationTokenSchema } from "@/lib/server/people/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

/** Public: the link is the credential. A used, expired or unknown link says so and what to do. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = invitationTokenSchema.safeParse(token);
  const invitation = valid.success
    ? await describeInvitation(db(), valid.data).catch((e: unknown) => {
        if (isAppError(e)) return { problem: e.message, hint: e.hint };
        throw e;
      })
    : { problem: unknownLink().message, hint: unknownLink().hint };
  return (
    <main className="auth-page">
      <div className="panel auth-card">
        <h1>Join Entra ID → Port builder</h1>
        {"problem" in invitation ? (
          <>
            <div className="alert error" role="alert" data-testid="invitation-problem">
              {invitation.problem}
              {invitation.hint && <span className="hint">{invitation.hint}</span>}
            </div>
            <p>
              <Link href="/signin">Go to sign-in</Link>
            </p>
          </>
        ) : (
          <>
            <p className="lead">
              You were invited as {invitation.email}. Choose your password; the link works once and expires {new Date(invitation.expiresAt).toUTCString()}.
            </p>
            <AcceptInviteForm token={valid.data!} email={invitation.email} name={invitation.name} minPasswordLength={MIN_PASSWORD_LENGTH} />
          </>
        )}
      </div>
    </main>
  );
}
