/**
 * Messages between the browser client (browser-client.ts) and the Web Worker (worker.ts).
 * Plain data only: both ends are browser code with no Node imports.
 */
import type { JqRunResult } from "./engine";

export interface RunMessage {
  type: "run";
  id: number;
  program: string;
  input: string;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "fatal"; message: string }
  | { type: "result"; id: number; result: JqRunResult };
