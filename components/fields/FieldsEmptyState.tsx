import Link from "next/link";

/** No sample yet: the fields come from samples, which the Explore step keeps. */
export function FieldsEmptyState({ projectId }: { projectId: string }) {
  return (
    <div data-testid="fields-empty">
      <p>There are no samples yet. Fields are inferred from the items you keep while exploring Graph.</p>
      <p>
        <Link className="button primary" href={`/projects/${encodeURIComponent(projectId)}/explore`}>
          Explore Graph and keep a sample →
        </Link>
      </p>
    </div>
  );
}
