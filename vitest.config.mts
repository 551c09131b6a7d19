import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep file-level parallelism modest so HTTP tests do not starve.
    maxWorkers: 2,
    // The second names a file whose process died under it (vitest itself does not).
    reporters: ["default", "./tests/support/unfinished-files-reporter.ts"],
  },
});
