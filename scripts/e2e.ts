/**
 * `npm run test:e2e`: Playwright against a production build with a brand-new data folder,
 * so first-run setup is tested every time. The folder is removed afterwards.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-e2e-"));
const result = spawnSync(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
});
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
