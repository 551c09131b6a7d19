import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { needsFirstRunSetup } from "@/lib/server/auth/users";
import { MIN_PASSWORD_LENGTH } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create the administrator account" };

export default async function SetupPage() {
  // First-run only: once an account exists this page is gone.
  if (!(await needsFirstRunSetup(db()))) redirect("/signin");
  return (
    <main className="auth-page">
      <div className="panel auth-card">
        <h1>Create the administrator account</h1>
        <p className="lead">This is a fresh installation. The account you create here signs in to the builder.</p>
        <SetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </div>
    </main>
  );
}
