/**
 * "What differs from the documentation page and why": Port's Entra ID page installs a
 * static bearer token, `paginationType: skip_token`, `$expand: members($select=id)`,
 * fields read without `$select` and broad permissions (ocean-and-port.md). Each line says
 * what the page does, what this export does instead, and why, for this very export.
 */
import { requiredPermission } from "../graph/errors";
import { lintConfig } from "../mapping/lint";
import type { PortAppConfig } from "../mapping/model";
import type { GraphAuthPlan } from "./graph-auth";
import type { Difference, ResolvedOptions } from "./types";

const DOC_PERMISSIONS = ["User.Read.All", "Group.Read.All", "Application.Read.All", "Directory.Read.All"];

/** The least-privileged application permissions that cover every endpoint the mapping reads. */
export function leastPermissions(config: PortAppConfig): string[] {
  const needs: { permission: string; alternatives: readonly string[] }[] = [];
  const add = (path: string) => {
    const need = requiredPermission(path);
    if (need) needs.push(need);
  };
  // Listed endpoints first, then nested ones and discovery endpoints, so a broader
  // permission already needed (Group.Read.All) covers a narrower one (GroupMember.Read.All).
  const kinds = config.resources.map((r) => r.kind.replace(/\{[^}]+\}/g, "x"));
  for (const kind of kinds.filter((k) => !k.includes("/x"))) add(kind);
  for (const kind of kinds.filter((k) => k.includes("/x"))) add(kind);
  for (const r of config.resources) for (const p of Object.values(r.selector.path_parameters ?? {})) add(p.endpoint);
  const chosen: string[] = [];
  for (const need of needs) {
    const satisfied = [need.permission, ...need.alternatives.filter((a) => a !== "Directory.Read.All")].some((p) => chosen.includes(p));
    if (!satisfied) chosen.push(need.permission);
  }
  const readsSignIn = config.resources.some((r) => /signInActivity/i.test(String(r.selector.query_params?.$select ?? "")));
  if (readsSignIn) chosen.push("AuditLog.Read.All");
  return chosen;
}

const hasMembershipResource = (config: PortAppConfig) => config.resources.some((r) => /^\/groups\/\{[^}]+\}\/(members|transitiveMembers)$/.test(r.kind));

export function differences(config: PortAppConfig, plan: GraphAuthPlan, options: ResolvedOptions): Difference[] {
  const lints = lintConfig(config);
  const unselected = lints.filter((l) => l.code === "field_not_returned_by_default" || l.code === "field_not_selected").length;
  const capped = lints.filter((l) => l.code === "expand_member_cap").length;
  const permissions = leastPermissions(config);
  return [
    {
      topic: "Pagination",
      documentation: "paginationType: skip_token",
      builder: "paginationType: next_link",
      why: "skip_token is not a value Ocean knows, so it silently reads the first page only. next_link follows Graph's @odata.nextLink to the last page.",
    },
    {
      topic: "Graph authentication",
      documentation: "authType: bearer_token with a pasted token",
      builder: plan.authType === "custom" ? "authType: custom with the client-credentials request (customAuthRequest + customAuthRequestTemplate)" : "authType: bearer_token (you connected with a pasted token)",
      why:
        plan.authType === "custom"
          ? `A pasted token expires after about an hour and every later resync fails. Ocean requests a new token from the token endpoint and renews it every ${plan.custom!.reauthenticateIntervalSeconds} s (and on a 401).`
          : "This export keeps the token you pasted: it expires about an hour after it was issued and Ocean never renews it. Connect with client credentials for a configuration that keeps working.",
    },
    {
      topic: "$select",
      documentation: "Fields read without $select",
      builder: unselected === 0 ? "$select lists every property the mapping reads" : `$select is missing for ${unselected} field(s) the mapping reads (see the Mapping step's lints)`,
      why: "Graph returns a default property set: without $select, department, accountEnabled, createdDateTime, userType and most other user fields are always null against a real tenant.",
    },
    {
      topic: "Group membership",
      documentation: "$expand: members($select=id) on /groups",
      builder: capped > 0 ? `$expand on members is still used in ${capped} resource(s) (see the lints)` : hasMembershipResource(config) ? "Membership entities from /groups/{group_id}/members, every page" : "No membership resource in this mapping",
      why: "$expand returns at most 20 members per group with no next page: every larger group is silently cut. The nested endpoint is paged to the end, and one entity per membership survives Port's replacement of many-relations.",
    },
    {
      topic: "Permissions",
      documentation: DOC_PERMISSIONS.join(", "),
      builder: permissions.length ? permissions.join(", ") : "none of the known endpoints",
      why: "Least privilege: only the application permissions the mapped endpoints need; Directory.Read.All reads the whole directory and is not needed.",
    },
    {
      topic: "Secrets",
      documentation: "--set integration.config.apiToken and port.clientSecret on the command line",
      builder:
        options.secrets === "inline"
          ? "The chart's Secret, with the values written in (inline was chosen)"
          : options.secrets === "existing-secret"
            ? `An existing Secret (${options.secretName}); the chart creates none`
            : "The chart's own Secret (integration.secrets.*), values taken from your environment",
      why: "integration.config.* becomes a ConfigMap: a token there is plain text to anyone who can read ConfigMaps. integration.secrets.* lands in a Kubernetes Secret under the same variable name.",
    },
    {
      topic: "Port API host",
      documentation: "https://api.getport.io",
      builder: options.portBaseUrl,
      why: `The current host of Port's ${options.region.toUpperCase()} region; api.getport.io is the legacy EU name.`,
    },
  ];
}
