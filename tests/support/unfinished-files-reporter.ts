/**
 * Names the test files whose process ended before they finished. When a vitest fork dies
 * (a native crash, V8 aborting), vitest reports "Worker exited unexpectedly" and the
 * missing tests, but not which file was running; CI keeps only the end of the output, so
 * this prints the file and the last test that finished in it, last.
 */
import path from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";

export default class UnfinishedFilesReporter implements Reporter {
  /** Running files, each with the last test that finished in it. */
  private readonly running = new Map<string, string | null>();

  onTestModuleStart(module: TestModule): void {
    this.running.set(module.moduleId, null);
  }

  onTestCaseResult(test: TestCase): void {
    if (this.running.has(test.module.moduleId)) this.running.set(test.module.moduleId, test.fullName);
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
  }

  onTestRunEnd(): void {
    if (this.running.size === 0) return;
    const lines = [...this.running].map(([file, last]) => `  ${path.relative(process.cwd(), file)}${last ? `, after "${last}"` : ", no test of it reported finished"}`);
    process.stderr.write(`\nThese test files never finished (their process ended under them):\n${lines.join("\n")}\n`);
  }
}
