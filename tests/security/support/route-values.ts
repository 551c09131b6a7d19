/**
 * Values for every dynamic segment of the app's routes, for walks that only need each
 * route reached (not another user's ids): the project's own ids where it has them.
 * A route with a segment named nowhere here fails the walk with that segment's name.
 */
export interface ProjectIds {
  projectId: string;
  runId: string;
  mappingVersion: number;
}

export function segmentValues(ids: ProjectIds, personId = "cnosuchperson000000000000"): Record<string, string | string[]> {
  return {
    id: ids.projectId,
    // People and invitations: a person's id, an invitation's id and its one-time token.
    personId,
    invitationId: "cnosuchinvitation00000000",
    token: "no-such-invitation-token",
    runId: ids.runId,
    version: String(ids.mappingVersion),
    kind: "fields",
    // next-auth's catch-all: the credentials sign-in (the one POST that takes a password).
    nextauth: ["callback", "credentials"],
    // The simulators' catch-alls: a write of the demo Port, a path of the demo tenant.
    path: ["v1", "blueprints"],
    tenant: "demo",
  };
}
