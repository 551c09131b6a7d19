/**
 * "Create in Port": the project's blueprints, parsed from their saved JSON text, made to
 * exist in the project's Port (created in dependency order, cycles patched in after,
 * missing properties and relations added). Conflicts with what Port already holds are
 * reported in words and nothing is written. What was created is remembered (a hash of
 * each text) so the step rail can say which blueprints are not yet in Port.
 */
import { createHash } from "node:crypto";
import { AppError } from "../errors";
import { blueprintSchema, type BlueprintInput } from "../port/schemas";
import { portForProject } from "./clients";
import type { BlueprintPushAnswer, BlueprintsDocument } from "./contracts";
import type { BuilderDeps } from "./deps";
import { getDocument, saveDocument } from "./documents";

export const blueprintTextHash = (text: string): string => createHash("sha256").update(text).digest("base64url").slice(0, 22);

export function parseBlueprintTexts(doc: BlueprintsDocument): BlueprintInput[] {
  return doc.blueprints.map((b, index) => {
    let raw: unknown;
    try {
      raw = JSON.parse(b.text);
    } catch (error) {
      throw new AppError("invalid_blueprint", `Blueprint ${index + 1} (${b.identifier}) is not valid JSON: ${(error as Error).message}.`, {
        status: 400, location: { path: `blueprints[${index}]` }, hint: "Fix the JSON in the blueprint editor first.",
      });
    }
    const parsed = blueprintSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("invalid_blueprint", `Blueprint ${b.identifier}: ${issue.path.join(".") || "blueprint"}: ${issue.message}.`, {
        status: 400, location: { path: `blueprints[${index}].${issue.path.join(".")}` }, hint: "Fix the blueprint in the editor first.",
      });
    }
    return parsed.data as BlueprintInput;
  });
}

/**
 * Notes that Port holds these blueprint texts (a sync made sure of them): each entry of the
 * Blueprints step whose text is still the one used is marked pushed. A text edited since
 * stays unmarked; a save that races this one wins (the note is only for the step rail).
 */
export async function notePushedTexts(deps: BuilderDeps, userId: string, projectId: string, used: readonly { identifier: string; hash: string }[]): Promise<void> {
  const stored = await getDocument(deps, userId, projectId, "blueprints");
  if (!stored.content) return;
  const usedHash = new Map(used.map((u) => [u.identifier, u.hash]));
  const at = new Date().toISOString();
  const pushed = { ...stored.content.pushed };
  let changed = false;
  for (const b of stored.content.blueprints) {
    const hash = blueprintTextHash(b.text);
    if (usedHash.get(b.identifier) !== hash || pushed[b.identifier]?.hash === hash) continue;
    pushed[b.identifier] = { at, hash };
    changed = true;
  }
  if (changed) await saveDocument(deps, userId, projectId, "blueprints", stored.version, { ...stored.content, pushed });
}

export async function pushBlueprints(deps: BuilderDeps, userId: string, projectId: string): Promise<BlueprintPushAnswer> {
  const stored = await getDocument(deps, userId, projectId, "blueprints");
  if (!stored.content || stored.content.blueprints.length === 0) {
    throw new AppError("no_blueprints", "This project has no blueprints yet.", { status: 409, hint: "Generate them from the picked fields, or start from the template." });
  }
  const desired = parseBlueprintTexts(stored.content);
  const port = await portForProject(deps, userId, projectId);
  const report = await port.ensureBlueprints(desired);
  const at = new Date().toISOString();
  const pushed = { ...stored.content.pushed };
  for (const b of stored.content.blueprints) pushed[b.identifier] = { at, hash: blueprintTextHash(b.text) };
  const document = await saveDocument(deps, userId, projectId, "blueprints", stored.version, { ...stored.content, pushed });
  return { report, document };
}
