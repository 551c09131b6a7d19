/**
 * Server start-up: validate the environment so a bad value stops the server with one
 * line naming the variable, apply pending migrations so even a bare `next start` serves
 * a usable database, and stamp each request with its client address (sign-in limits).
 */
import { EnvError, env } from "./env";
import { applyMigrations } from "./db/migrate";
import { installClientAddressHook } from "./client-address";

export function startServer(): void {
  try {
    const config = env();
    installClientAddressHook({ trustProxy: config.TRUST_PROXY });
    const file = config.databaseFile;
    const applied = applyMigrations(file);
    if (applied.length) console.log(`database ${file}: applied ${applied.join(", ")}`);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
