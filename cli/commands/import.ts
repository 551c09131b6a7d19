/**
 * `npm run cli -- import --project NAME --config F.yml --blueprints F.json [--owner EMAIL] [--integration-config F]`
 *
 * Imports a port-app-config YAML and a blueprints JSON (for example the ones of Port's
 * documentation page) into the saved project with that id or name (the database at
 * DATABASE_URL), creating the project when none has that name; the project's mapping and
 * blueprints are replaced together or not at all. Prints what was imported and the Graph
 * lints of it (the integration config, when given, lets them judge its paginationType).
 * Exit 0 imported; 2 unusable input (nothing changed), with one line on stderr.
 */
import { walkFlags } from "../flags";
import { readText } from "../read-text";
import { AppError, isAppError } from "@/lib/errors";
import { analyseImport, firstProblemLine, type ImportFinding } from "@/lib/export/import";

interface ImportArgs {
  project: string;
  config: string;
  blueprints: string;
  owner?: string;
  integrationConfig?: string;
}

const USAGE = "usage: import --project <id or name> --config <port-app-config.yml> --blueprints <blueprints.json> [--owner EMAIL] [--integration-config <file>]";

export function parseImportArgs(argv: string[]): ImportArgs {
  const out: Partial<ImportArgs> = {};
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--project") out.project = value();
    else if (flag === "--config") out.config = value();
    else if (flag === "--blueprints") out.blueprints = value();
    else if (flag === "--owner") out.owner = value();
    else if (flag === "--integration-config") out.integrationConfig = value();
    else return false;
    return true;
  });
  if (!out.project || !out.config || !out.blueprints) throw new AppError("cli_usage", USAGE);
  return out as ImportArgs;
}


export function findingLine(f: ImportFinding): string {
  const where = f.location?.line ? ` line ${f.location.line}, column ${f.location.column ?? 1}` : "";
  const path = f.location?.path ? ` ${f.location.path}` : "";
  return `${f.severity} ${f.code}${path}${where}: ${f.message}`;
}

export default async function run(argv: string[]): Promise<number> {
  let args: ImportArgs;
  let files: { configYaml: string; blueprintsJson: string; integrationConfig?: string };
  try {
    args = parseImportArgs(argv);
    const [configYaml, blueprintsJson, integrationConfig] = await Promise.all([
      readText(args.config, "config"),
      readText(args.blueprints, "blueprints"),
      args.integrationConfig ? readText(args.integrationConfig, "integration config") : Promise.resolve(undefined),
    ]);
    files = { configYaml, blueprintsJson, integrationConfig };
    // Checked before the database is touched: a refused import creates no project either.
    const analysis = analyseImport(files);
    if (!analysis.ok) throw new AppError("cli_bad_input", `nothing imported: ${firstProblemLine(analysis)}`);
  } catch (e) {
    process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
    return 2;
  }
  const [{ parseEnv, EnvError }, { createDb }, { applyMigrations }, { findProject, ownerForNewProject }, { importIntoProject }] = await Promise.all([
    import("@/lib/server/env"),
    import("@/lib/server/db"),
    import("@/lib/server/db/migrate"),
    import("@/lib/builder/import-cli-projects"),
    import("@/lib/builder/import-project"),
  ]);
  let appEnv;
  try {
    appEnv = parseEnv(process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof EnvError ? e.message : String(e)}\n`);
    return 2;
  }
  applyMigrations(appEnv.databaseFile);
  const db = createDb(appEnv.DATABASE_URL);
  try {
    let project = await findProject(db, args.project, args.owner);
    let created = false;
    if (!project) {
      const ownerId = await ownerForNewProject(db, args.owner);
      project = await db.project.create({ data: { name: args.project, ownerId }, select: { id: true, name: true, ownerId: true } });
      created = true;
    }
    const answer = await importIntoProject(db, project.id, files);
    process.stdout.write(
      `imported into ${created ? "new " : ""}project "${project.name}" (${project.id}): mapping version ${answer.mapping.version}, ${answer.blueprints.identifiers.length} blueprints (${answer.blueprints.identifiers.join(", ")})\n`,
    );
    for (const f of [...answer.warnings, ...answer.lints]) process.stdout.write(`${findingLine(f)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}
