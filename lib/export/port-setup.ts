/**
 * apply-to-port.sh: what Ocean's custom integration does not do by itself. Its image brings
 * no blueprints and no mapping for Graph, and Ocean reads the mapping from the integration
 * in Port. The script creates the blueprints (relation targets first; relations inside a
 * cycle patched in after, on the blueprints it created) and writes the mapping with
 * `PATCH /v1/integration/{id}/config` (ocean-and-port.md, "Port API"). POSIX sh, curl and
 * jq; the Port credentials come from the environment and go to curl through files, never
 * on a command line.
 * Exit 0 done, 1 Port refused something, 3 the integration does not exist yet (Ocean
 * creates it on its first start: run the install once, then this again).
 */
import type { PortAppConfig } from "../mapping/model";
import type { BlueprintInput } from "../port/schemas";
import { blueprintsExport } from "./blueprints-json";
import { mappingObject } from "./mapping-yaml";
import { quote, requireEnv } from "./shell";
import type { ResolvedOptions } from "./types";

export const SETUP_EXIT_NO_INTEGRATION = 3;
const HEREDOC_END = "PORT_JSON_END";

function writeJson(file: string, value: unknown): string[] {
  // One line of JSON can never be the heredoc's end marker, and a quoted marker expands nothing.
  return [`cat > "$work/${file}" <<'${HEREDOC_END}'`, JSON.stringify(value), HEREDOC_END];
}

function createStep(blueprint: BlueprintInput, index: number): string[] {
  const file = `blueprint-${index + 1}.json`;
  const id = blueprint.identifier;
  return [
    ...writeJson(file, blueprint),
    `status=$(call POST /v1/blueprints "$work/${file}")`,
    `case "$status" in`,
    `  200|201) echo ${quote(`created blueprint ${id}`)}; echo ${quote(id)} >> "$work/created" ;;`,
    `  409) echo ${quote(`blueprint ${id} already exists in Port: left as it is`)} ;;`,
    `  *) fail ${quote(`creating blueprint ${id}`)} "$status" ;;`,
    "esac",
  ];
}

function patchStep(identifier: string, relations: Record<string, unknown>, index: number): string[] {
  const file = `relations-${index + 1}.json`;
  return [
    `if grep -qxF ${quote(identifier)} "$work/created"; then`,
    ...writeJson(file, { relations }).map((l) => (l === HEREDOC_END ? l : `  ${l}`)),
    `  status=$(call PATCH /v1/blueprints/${encodeURIComponent(identifier)} "$work/${file}")`,
    `  [ "$status" = 200 ] || fail ${quote(`adding the relations of ${identifier}`)} "$status"`,
    `  echo ${quote(`added the relations of ${identifier} (${Object.keys(relations).join(", ")})`)}`,
    "fi",
  ];
}

export function portSetupScript(mapping: PortAppConfig, blueprints: readonly BlueprintInput[], options: ResolvedOptions): string {
  const { ordered, split } = blueprintsExport(blueprints);
  const creates = split ? split.create : ordered;
  const id = options.identifier;
  return [
    "#!/bin/sh",
    `# Creates the blueprints in Port and writes the mapping into the integration "${id}".`,
    "# Needs curl and jq. Reads PORT_CLIENT_ID and PORT_CLIENT_SECRET (and PORT_BASE_URL to override the region).",
    `# Exit 0: done; 1: Port refused something; ${SETUP_EXIT_NO_INTEGRATION}: the integration does not exist yet (start it once, then run this again).`,
    "set -eu",
    requireEnv("PORT_CLIENT_ID", "set PORT_CLIENT_ID to your Port client ID"),
    requireEnv("PORT_CLIENT_SECRET", "set PORT_CLIENT_SECRET to your Port client secret"),
    `api="\${PORT_BASE_URL:-${options.portBaseUrl}}"`,
    'work=$(mktemp -d)',
    `trap 'rm -rf "$work"' EXIT`,
    ': > "$work/created"',
    "# call METHOD PATH [BODY_FILE]: prints the HTTP status; the answer is kept in $work/answer",
    "call() {",
    '  if [ $# -ge 3 ]; then',
    `    curl -sS -o "$work/answer" -w '%{http_code}' -X "$1" "$api$2" -H @"$work/auth" -H 'Content-Type: application/json' --data-binary @"$3"`,
    "  else",
    `    curl -sS -o "$work/answer" -w '%{http_code}' -X "$1" "$api$2" -H @"$work/auth"`,
    "  fi",
    "}",
    'fail() { echo "$1: HTTP $2: $(cat "$work/answer")" >&2; exit 1; }',
    `jq -n --arg id "$PORT_CLIENT_ID" --arg secret "$PORT_CLIENT_SECRET" '{clientId: $id, clientSecret: $secret}' > "$work/credentials"`,
    `status=$(curl -sS -o "$work/answer" -w '%{http_code}' -X POST "$api/v1/auth/access_token" -H 'Content-Type: application/json' --data-binary @"$work/credentials")`,
    '[ "$status" = 200 ] || fail "Port refused the client ID and secret" "$status"',
    `printf 'Authorization: Bearer %s\\n' "$(jq -r .accessToken "$work/answer")" > "$work/auth"`,
    ...creates.flatMap(createStep),
    ...(split?.patchRelations ?? []).flatMap((p, i) => patchStep(p.identifier, p.relations, i)),
    ...writeJson("mapping.json", { config: mappingObject(mapping) }),
    `status=$(call PATCH /v1/integration/${id}/config "$work/mapping.json")`,
    'case "$status" in',
    `  200) echo ${quote(`wrote the mapping of integration ${id}`)} ;;`,
    `  404) echo ${quote(`integration ${id} does not exist in Port yet: start it once (helm-install.sh or docker-run.sh), then run this again`)} >&2; exit ${SETUP_EXIT_NO_INTEGRATION} ;;`,
    `  *) fail ${quote(`writing the mapping of integration ${id}`)} "$status" ;;`,
    "esac",
    "",
  ].join("\n");
}
