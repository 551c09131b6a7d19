/**
 * For tests: a logger writing into a string, so a test reads exactly what would reach
 * the log (redaction included).
 */
import { Writable } from "node:stream";
import { createLogger } from "./log";

export function captureLog(level: Parameters<typeof createLogger>[1]) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(sink, level), text: () => lines.join("") };
}
