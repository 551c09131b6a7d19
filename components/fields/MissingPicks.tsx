import Link from "next/link";
import styles from "./fields.module.css";
import { formatCount } from "./format";

/**
 * Picked fields the table cannot show because the sample no longer has them: without this
 * the count says "8 picked" over 3 rows, and the picks silently stay out of the blueprints.
 */
export function MissingPicks({ paths, select, projectId, onUnpick }: { paths: string[]; select: string | undefined; projectId: string; onUnpick: () => void }) {
  if (paths.length === 0) return null;
  return (
    <div className={styles.note} role="note" data-testid="missing-picks">
      {paths.length === 1 ? "1 picked field is" : `${formatCount(paths.length)} picked fields are`} not in this sample: <code>{paths.join(", ")}</code>.{" "}
      {select ? (
        <>
          The sample was taken with <code>$select={select}</code>, which leaves {paths.length === 1 ? "it" : "them"} out.
        </>
      ) : (
        "The sample was taken without $select, and Graph leaves out what is not in its default set."
      )}{" "}
      Take the sample again with {paths.length === 1 ? "it" : "them"} selected in <Link href={`/projects/${encodeURIComponent(projectId)}/explore`}>Explore</Link>, or{" "}
      <button type="button" className="link" style={{ padding: 0 }} onClick={onUnpick} data-testid="unpick-missing">
        unpick {paths.length === 1 ? "it" : "them"}
      </button>
      .
    </div>
  );
}
