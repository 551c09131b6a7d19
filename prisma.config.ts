// Prisma CLI configuration: the js engine with the better-sqlite3 adapter, so that
// `migrate deploy` / `migrate diff` run on the wasm schema engine (no downloads).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema reads env("DATABASE_URL"); without it the CLI cannot read the schema and
// falls back to downloading a native engine, which these machines cannot do.
process.env.DATABASE_URL ??= "file:./data/app.db";
const databaseUrl = process.env.DATABASE_URL;
// The adapter opens the file even for `migrate diff`: make sure its folder exists.
fs.mkdirSync(path.dirname(path.resolve(databaseUrl.replace(/^file:/, ""))), { recursive: true });

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
