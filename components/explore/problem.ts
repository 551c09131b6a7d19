/** Any failure the Explore step shows, in the one shape the page renders (message and hint). */
import type { ExploreError } from "@/lib/builder/contracts";
import { ApiError } from "../api";

export type Problem = ExploreError;

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  if (error instanceof Error) return { code: "network_error", message: error.message, hint: "Check that the builder's server is running, then try again." };
  return { code: "unknown_error", message: String(error) };
}

/** Failures that the Connect step fixes: the alert links to it. */
export function needsConnection(problem: Problem): boolean {
  return problem.code === "graph_not_connected" || problem.code === "demo_unavailable" || problem.code === "secret_required";
}
