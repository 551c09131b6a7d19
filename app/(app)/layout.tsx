import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/shell/SignOutButton";
import { requireUser } from "@/lib/server/auth/current";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/projects", label: "Projects" },
  { href: "/demo-catalog", label: "Demo catalog" },
];

/** The signed-in shell: product name, navigation, the user and sign-out. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="app-header">
        <Link href="/projects" className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={22} height={22} />
          Entra ID → Port builder
        </Link>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
          {/* Administrators only; the role is read on every request, so a demotion hides it at once. */}
          {user.role === "admin" && <Link href="/admin/people">People</Link>}
        </nav>
        <span className="user" data-testid="signed-in-user" title={user.email}>
          {user.name}
        </span>
        <SignOutButton />
      </header>
      <main className="app-main">{children}</main>
    </>
  );
}
