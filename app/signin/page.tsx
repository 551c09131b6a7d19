import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentUser } from "@/lib/server/auth/current";
import { needsFirstRunSetup } from "@/lib/server/auth/users";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { safeCallbackPath } from "@/lib/server/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await needsFirstRunSetup(db())) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <main className="auth-page">
      <div className="panel auth-card">
        <h1>Sign in</h1>
        <p className="lead">Entra ID → Port builder</p>
        <SignInForm callbackUrl={callbackUrl} entraEnabled={env().entraSignIn !== null} initialError={error} />
      </div>
    </main>
  );
}
