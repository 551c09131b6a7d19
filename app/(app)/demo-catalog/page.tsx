import type { Metadata } from "next";
import { Suspense } from "react";
import { DemoCatalogView } from "@/components/demo-catalog/DemoCatalogView";

export const metadata: Metadata = { title: "Demo catalog" };

/** What syncs wrote into the built-in demo Port (blueprints, entities, one entity's JSON). */
export default function DemoCatalogPage() {
  // useSearchParams in the view needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <DemoCatalogView />
    </Suspense>
  );
}
