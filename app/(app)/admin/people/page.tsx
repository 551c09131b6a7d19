import type { Metadata } from "next";
import { PeopleView } from "@/components/admin/PeopleView";
import { requireAdminUser } from "@/lib/server/auth/current";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

/** Administrators only (a member gets a 404 here; the API answers 403 admin_only anyway). */
export default async function PeoplePage() {
  await requireAdminUser();
  return <PeopleView />;
}
