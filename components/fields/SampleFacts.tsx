import type { FieldsAnswer } from "@/lib/builder/contracts";
import styles from "./fields.module.css";
import { formatCount } from "./format";

/** What the fields were inferred from, and what the sample or the inference left out. */
export function SampleFacts({ answer }: { answer: FieldsAnswer }) {
  const { sample, inference, kind } = answer;
  const select = sample.request.query.$select;
  return (
    <>
      <p className={styles.facts} data-testid="sample-facts">
        <span>
          Inferred from all {formatCount(inference.items)} {inference.items === 1 ? "item" : "items"} ({formatCount(sample.pages)} {sample.pages === 1 ? "page" : "pages"})
        </span>
        <span>
          {formatCount(inference.fields.length)} {inference.fields.length === 1 ? "field" : "fields"}
        </span>
        <span>
          mapping kind <code>{kind}</code>
        </span>
        <span>{select ? <>sampled with <code>$select={select}</code></> : "sampled without $select (Graph's default properties)"}</span>
      </p>
      {(sample.truncated || sample.hasNextPage || inference.notes.length > 0) && (
        <div className={styles.note} role="note">
          {sample.truncated ?? (sample.hasNextPage ? "Graph had more pages than the sample holds: fields that appear only there are not listed." : null)}
          {inference.notes.length > 0 && (
            <ul>
              {inference.notes.map((n) => (
                <li key={n.code}>{n.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
