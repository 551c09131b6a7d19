"use client";

import { queryAdvice, type ExploreForm } from "./request-form";
import styles from "./explore.module.css";

/** Graph's rules the current options run into, before the request is sent. */
export function QueryAdvice({ form }: { form: ExploreForm }) {
  const advice = queryAdvice(form);
  if (advice.length === 0) return null;
  return (
    <ul className={styles.advice} aria-label="Notes on these query options" data-testid="query-advice">
      {advice.map((a) => (
        <li key={a}>{a}</li>
      ))}
    </ul>
  );
}
