"use client";

import { ApiError } from "../api";

/** An API error as the person sees it: the message, then what to do. */
export function ErrorAlert({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div className="alert error" role="alert">
      {message}
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}
