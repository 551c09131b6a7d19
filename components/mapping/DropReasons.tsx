"use client";

import { DROP_WORDS } from "./preview-words";
import type { DropReason } from "@/lib/mapping";
import type { ResourcePreview } from "./preview-run";
import { revealInvisible } from "../explore/visible-text";
import styles from "./mapping.module.css";

/** Items skipped by the selector are by design; the other reasons are problems, said in jq's words. */
const PROBLEMS: readonly DropReason[] = ["selector_error", "items_to_parse_not_list", "missing_identifier", "missing_blueprint"];

/** Why items of the opened resource were dropped: the first message of each reason, on the page. */
export function DropReasons({ resource }: { resource: ResourcePreview }) {
  const shown = PROBLEMS.flatMap((reason) => {
    const d = resource.dropped[reason];
    return d ? [{ reason, ...d }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <ul className={styles.dropReasons} data-testid="drop-reasons">
      {shown.map((d) => (
        <li key={d.reason}>
          <b>{DROP_WORDS[d.reason]}</b> ({d.count.toLocaleString("en-US")}), for example: {revealInvisible(d.example)}
        </li>
      ))}
    </ul>
  );
}
