/**
 * Server start-up: validate the environment so a bad value stops the server with one
 * line naming the variable, and apply pending migrations so even a bare `next start`
 * serves a usable database.
 */
import { EnvError, env } from "./env";
import { applyMigrations } from "./db/migrate";

export function startServer(): void {
  try {
    const file = env().databaseFile;
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
