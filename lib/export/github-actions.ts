/**
 * A scheduled GitHub Actions workflow: blueprints and mapping into Port (apply-to-port.sh),
 * then the Docker one-off with the secrets from the repository's secrets, handed to the
 * container by name (`-e NAME`), never written into the command. On the very first run
 * the integration does not exist yet: it is started once, the mapping written, and run again.
 */
import { customAuthRequestObject, FORM_SAFE_SECRET, placeholder, type GraphAuthPlan } from "./graph-auth";
import { dockerRunCommand } from "./docker";
import { toYaml } from "./mapping-yaml";
import { configVariable } from "./ocean-variables";
import { SETUP_EXIT_NO_INTEGRATION } from "./port-setup";
import { quote } from "./shell";
import type { ResolvedOptions } from "./types";

/** Where the workflow expects the exported files in the repository. */
export const exportFolder = (options: ResolvedOptions): string => `ocean/${options.identifier}`;

/** A cron line close to the resync interval (GitHub runs schedules at most every 5 minutes, in UTC). */
export function cronFor(minutes: number): string {
  if (minutes < 60) return `*/${Math.max(5, minutes)} * * * *`;
  const hours = Math.min(24, Math.max(1, Math.round(minutes / 60)));
  if (hours >= 24) return "17 3 * * *";
  return hours === 1 ? "17 * * * *" : `17 */${hours} * * *`;
}

/** Shell lines that export the sensitive Ocean variable built from the repository secret. */
function graphSecretExport(plan: GraphAuthPlan): string[] {
  const variable = configVariable(plan.secretKey);
  if (!plan.custom) return [`export ${variable}="$GRAPH_TOKEN"`];
  // The JSON split around the secret's place, so the shell appends the value there.
  const marker = placeholder("GRAPH_CLIENT_SECRET");
  const [before, after] = JSON.stringify(customAuthRequestObject(plan.custom, marker)).split(marker) as [string, string];
  return [
    `case "$GRAPH_CLIENT_SECRET" in`,
    `  ''|*[!${FORM_SAFE_SECRET}]*) echo "The repository secret GRAPH_CLIENT_SECRET is empty or holds a character outside ${FORM_SAFE_SECRET}" >&2; exit 1 ;;`,
    "esac",
    `export ${variable}=${quote(before)}"$GRAPH_CLIENT_SECRET"${quote(after)}`,
  ];
}

export function githubWorkflow(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const folder = exportFolder(options);
  const graphSecret = plan.secretVariable;
  const run = [...graphSecretExport(plan), dockerRunCommand(plan, options, "environment")].join("\n");
  const workflow = {
    name: `Entra ID to Port (${options.identifier})`,
    on: { schedule: [{ cron: cronFor(options.scheduledResyncInterval) }], workflow_dispatch: {} },
    permissions: { contents: "read" },
    concurrency: { group: `ocean-${options.identifier}`, "cancel-in-progress": false },
    jobs: {
      resync: {
        "runs-on": "ubuntu-latest",
        "timeout-minutes": 360,
        env: {
          PORT_BASE_URL: options.portBaseUrl,
          PORT_CLIENT_ID: "${{ secrets.PORT_CLIENT_ID }}",
          PORT_CLIENT_SECRET: "${{ secrets.PORT_CLIENT_SECRET }}",
          OCEAN__PORT__CLIENT_ID: "${{ secrets.PORT_CLIENT_ID }}",
          OCEAN__PORT__CLIENT_SECRET: "${{ secrets.PORT_CLIENT_SECRET }}",
          [graphSecret]: `\${{ secrets.${graphSecret} }}`,
        },
        steps: [
          { uses: "actions/checkout@v4" },
          {
            id: "port",
            name: "Blueprints and mapping into Port",
            run: [
              "status=0",
              `sh ${folder}/apply-to-port.sh || status=$?`,
              `if [ "$status" = ${SETUP_EXIT_NO_INTEGRATION} ]; then echo "first_run=true" >> "$GITHUB_OUTPUT"; exit 0; fi`,
              'exit "$status"',
            ].join("\n"),
          },
          {
            name: "First run: create the integration, then write its mapping",
            if: "steps.port.outputs.first_run == 'true'",
            run: `${run}\nsh ${folder}/apply-to-port.sh`,
          },
          { name: "Resync once with Ocean's custom integration", run },
        ],
      },
    },
  };
  const comment = [
    ` Scheduled resync of Microsoft Entra ID into Port with Ocean's custom integration "${options.identifier}".`,
    ` Put this file at .github/workflows/${options.identifier}.yml and the exported files in ${folder}/.`,
    ` Repository secrets: PORT_CLIENT_ID, PORT_CLIENT_SECRET, ${graphSecret}.`,
  ].join("\n");
  return toYaml(workflow, comment);
}
