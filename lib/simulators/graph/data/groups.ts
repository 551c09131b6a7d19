/**
 * Group g of the demo tenant and its direct members, as pure functions of (seed, g).
 * Membership is a formula, not a table: member k of a group is user
 * `(offset + k * step) mod users` (step coprime to users, so no duplicates), followed by
 * nested groups (always of a higher index, so nesting has no cycles) and service principals.
 */
import { coprimeStep, guidFor, hash32, isoDaysBefore, KIND_CODES, rngFor } from "../random";
import type { GenContext, GraphObject } from "./context";
import { DEPARTMENTS, GROUP_TOPICS } from "./words";

export type GroupKind = "microsoft365" | "security" | "mailEnabledSecurity" | "distribution";

export interface GroupShape {
  kind: GroupKind;
  dynamic: boolean;
  team: boolean;
  displayName: string;
  description: string | null;
  membershipRule: string | null;
  userCount: number;
  userOffset: number;
  userStep: number;
  nestedGroups: number[];
  servicePrincipals: number[];
}

export type MemberRef = { kind: "users" | "groups" | "servicePrincipals"; index: number };

export function groupId(ctx: GenContext, g: number): string {
  return guidFor(ctx.seed, KIND_CODES.groups, g);
}

const DEPARTMENT_GROUPS_START = 3;

export function groupShape(ctx: GenContext, g: number): GroupShape {
  const rng = rngFor(ctx.seed, KIND_CODES.groups, g, 1);
  const U = ctx.sizes.users;
  const G = ctx.sizes.groups;
  const shape: GroupShape = {
    kind: "security",
    dynamic: false,
    team: false,
    displayName: "",
    description: null,
    membershipRule: null,
    userCount: 0,
    userOffset: rng.int(Math.max(1, U)),
    userStep: coprimeStep(U, hash32(ctx.seed, g, 77)),
    nestedGroups: [],
    servicePrincipals: [],
  };
  const deptIndex = g - DEPARTMENT_GROUPS_START;
  if (g === 0) {
    Object.assign(shape, {
      kind: "microsoft365", dynamic: true, team: true, displayName: "All Company",
      description: "Everyone at Contoso (demo). Membership is dynamic.",
      membershipRule: '(user.accountEnabled -eq true)', userCount: U, userOffset: 0, userStep: 1,
    });
  } else if (g === 1) {
    Object.assign(shape, {
      kind: "security", dynamic: true, displayName: "All Employees",
      description: "All members (no guests).", membershipRule: '(user.userType -eq "Member")',
      userCount: Math.floor(U * 0.88),
    });
  } else if (g === 2) {
    Object.assign(shape, {
      kind: "distribution", displayName: "All Departments", description: "Every department group, nested.",
      userCount: Math.min(U, 3),
      nestedGroups: range(DEPARTMENT_GROUPS_START, Math.min(G, DEPARTMENT_GROUPS_START + DEPARTMENTS.length)),
    });
  } else if (deptIndex >= 0 && deptIndex < DEPARTMENTS.length) {
    const dept = DEPARTMENTS[deptIndex]!;
    Object.assign(shape, {
      kind: "mailEnabledSecurity", displayName: `Dept - ${dept.name}`, description: `Members of ${dept.name}.`,
      userCount: Math.min(U, Math.max(1, Math.round((U * dept.weight) / 100))),
    });
  } else {
    const roll = rng.next();
    const kind: GroupKind = roll < 0.38 ? "microsoft365" : roll < 0.72 ? "security" : roll < 0.82 ? "mailEnabledSecurity" : "distribution";
    const topic = GROUP_TOPICS[g % GROUP_TOPICS.length]!;
    const round = Math.floor(g / GROUP_TOPICS.length);
    const sizeRoll = rng.next();
    const size = sizeRoll < 0.05 ? 0 : sizeRoll < 0.45 ? rng.between(1, 20) : sizeRoll < 0.85 ? rng.between(21, 150) : rng.between(151, 600);
    shape.kind = kind;
    shape.dynamic = (kind === "microsoft365" || kind === "security") && rng.chance(0.1);
    shape.team = kind === "microsoft365" && rng.chance(0.55);
    shape.displayName = `${topic}${round ? ` ${round + 1}` : ""}${kind === "security" ? " - Access" : ""}`;
    shape.description = rng.chance(0.8) ? `${topic} ${kind === "distribution" ? "mailing list" : "team"}` : null;
    shape.membershipRule = shape.dynamic ? `(user.department -eq "${rng.pick(DEPARTMENTS).name}")` : null;
    shape.userCount = Math.min(U, size);
    if (G - g > 1 && rng.chance(0.12)) {
      const n = rng.between(1, 3);
      const picks = new Set<number>();
      for (let j = 0; j < n; j++) picks.add(g + 1 + rng.int(G - g - 1));
      shape.nestedGroups = [...picks].sort((a, b) => a - b);
    }
    if ((kind === "security" || kind === "mailEnabledSecurity") && ctx.sizes.servicePrincipals > 0 && rng.chance(0.1)) {
      const n = rng.between(1, 2);
      for (let j = 0; j < n; j++) shape.servicePrincipals.push(rng.int(ctx.sizes.servicePrincipals));
      shape.servicePrincipals = [...new Set(shape.servicePrincipals)];
    }
  }
  return shape;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

export function directMemberCount(shape: GroupShape): number {
  return shape.userCount + shape.nestedGroups.length + shape.servicePrincipals.length;
}

/** Member k (0-based) of a group, in Graph's (stable) order. */
export function directMemberAt(ctx: GenContext, shape: GroupShape, k: number): MemberRef | null {
  if (k < 0) return null;
  if (k < shape.userCount) return { kind: "users", index: (shape.userOffset + k * shape.userStep) % ctx.sizes.users };
  k -= shape.userCount;
  if (k < shape.nestedGroups.length) return { kind: "groups", index: shape.nestedGroups[k]! };
  k -= shape.nestedGroups.length;
  if (k < shape.servicePrincipals.length) return { kind: "servicePrincipals", index: shape.servicePrincipals[k]! };
  return null;
}

export function groupAt(ctx: GenContext, g: number): GraphObject {
  const shape = groupShape(ctx, g);
  const rng = rngFor(ctx.seed, KIND_CODES.groups, g, 2);
  const mailEnabled = shape.kind !== "security";
  const securityEnabled = shape.kind === "security" || shape.kind === "mailEnabledSecurity";
  const nickname = shape.displayName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `group-${g}`;
  const mail = mailEnabled ? `${nickname}@${ctx.mailDomain}` : null;
  const created = isoDaysBefore(rng.between(10, 7 * 365), rng);
  const synced = shape.kind !== "microsoft365" && !shape.dynamic && rng.chance(0.2);
  const groupTypes: string[] = [];
  if (shape.kind === "microsoft365") groupTypes.push("Unified");
  if (shape.dynamic) groupTypes.push("DynamicMembership");
  return {
    id: groupId(ctx, g),
    deletedDateTime: null,
    classification: rng.chance(0.2) ? rng.pick(["General", "Confidential", "Highly Confidential"]) : null,
    createdDateTime: created,
    creationOptions: shape.team ? ["Team", "ExchangeProvisioningFlags:3552"] : [],
    description: shape.description,
    displayName: shape.displayName,
    expirationDateTime: null,
    groupTypes,
    isAssignableToRole: shape.kind === "security" && rng.chance(0.05) ? true : null,
    mail,
    mailEnabled,
    mailNickname: nickname,
    membershipRule: shape.membershipRule,
    membershipRuleProcessingState: shape.dynamic ? "On" : null,
    onPremisesDomainName: synced ? "corp.contoso-demo.com" : null,
    onPremisesLastSyncDateTime: synced ? isoDaysBefore(rng.between(0, 2), rng) : null,
    onPremisesNetBiosName: synced ? "CORP" : null,
    onPremisesSamAccountName: synced ? nickname.slice(0, 20) : null,
    onPremisesSecurityIdentifier: synced ? `S-1-5-21-3623811015-3361044348-30300820-${1000 + g}` : null,
    onPremisesSyncEnabled: synced ? true : null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail ? [`SMTP:${mail}`, `smtp:${nickname}@${ctx.initialDomain}`] : [],
    renewedDateTime: created,
    resourceBehaviorOptions: shape.kind === "microsoft365" ? ["WelcomeEmailDisabled"] : [],
    resourceProvisioningOptions: shape.team ? ["Team"] : [],
    securityEnabled,
    securityIdentifier: `S-1-12-1-${hash32(ctx.seed, g, 1)}-${hash32(ctx.seed, g, 2)}-${hash32(ctx.seed, g, 3)}-${hash32(ctx.seed, g, 4)}`,
    theme: null,
    visibility: shape.kind === "microsoft365" ? (rng.chance(0.8) ? "Private" : "Public") : null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

export const GROUP_PROPERTIES = Object.keys(groupAt({ seed: 1, sizes: { users: 1, groups: 1, applications: 0, servicePrincipals: 0, devices: 0 }, tenantId: "", initialDomain: "", mailDomain: "" }, 0));
