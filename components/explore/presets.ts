/** The endpoints the Explore step offers in one click, and the free path. */

export type PresetId = "users" | "groups" | "groupMembers" | "applications" | "servicePrincipals" | "devices" | "directoryRoles" | "custom";

export interface EndpointPreset {
  id: PresetId;
  label: string;
  /** The path; `{id}` is the group the person picks. */
  path: string;
}

export const GROUP_MEMBERS_PATH = "/groups/{id}/members";

export const PRESETS: readonly EndpointPreset[] = [
  { id: "users", label: "Users", path: "/users" },
  { id: "groups", label: "Groups", path: "/groups" },
  { id: "groupMembers", label: "Group members", path: GROUP_MEMBERS_PATH },
  { id: "applications", label: "Applications", path: "/applications" },
  { id: "servicePrincipals", label: "Service principals", path: "/servicePrincipals" },
  { id: "devices", label: "Devices", path: "/devices" },
  { id: "directoryRoles", label: "Directory roles", path: "/directoryRoles" },
  { id: "custom", label: "Other path…", path: "" },
];

export function presetById(id: PresetId): EndpointPreset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0]!;
}

/** The preset a stored path belongs to, with the group id for members; anything else is a free path. */
export function presetOfPath(path: string): { preset: PresetId; groupId: string } {
  const members = /^\/groups\/([^/]+)\/members$/i.exec(path);
  if (members) {
    let groupId = members[1]!;
    try {
      groupId = decodeURIComponent(groupId);
    } catch {
      // A broken escape stays as it was typed; validation says so when it is sent.
    }
    return { preset: "groupMembers", groupId };
  }
  const preset = PRESETS.find((p) => p.id !== "custom" && p.id !== "groupMembers" && p.path.toLowerCase() === path.toLowerCase());
  return { preset: preset?.id ?? "custom", groupId: "" };
}
