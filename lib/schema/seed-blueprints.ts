/**
 * The blueprints of the seed mappings (lib/mapping/seed): one per seed resource, with
 * exactly the property names those mappings write and types their values fit (checked
 * against the demo tenant in seed-blueprints.test.ts), plus the group membership
 * blueprint of the complete membership form (ocean-and-port.md, "Group membership").
 * Applications are identified by appId, so a service principal's `application`
 * relation (its appId) names the application entity.
 */
import { blueprintSchema, type Blueprint, type BlueprintProperty } from "../port/schemas";
import { BLUEPRINT_ICON } from "./blueprints";
import { GROUP_MEMBERSHIP_RELATIONS, suggestRelations } from "./mapping-suggestions";
import { blueprintIdentifierForKind, blueprintTitleForKind } from "./naming";

const text = (title: string): BlueprintProperty => ({ type: "string", title });
const dateTime = (title: string): BlueprintProperty => ({ type: "string", format: "date-time", title });
const email = (title: string): BlueprintProperty => ({ type: "string", format: "email", title });
const flag = (title: string): BlueprintProperty => ({ type: "boolean", title });
const count = (title: string): BlueprintProperty => ({ type: "number", title });
const strings = (title: string): BlueprintProperty => ({ type: "array", items: { type: "string" }, title });

function seedBlueprint(kind: string, properties: Record<string, BlueprintProperty>, relations: Blueprint["relations"] = {}): Blueprint {
  return blueprintSchema.parse({
    identifier: blueprintIdentifierForKind(kind),
    title: blueprintTitleForKind(kind),
    icon: BLUEPRINT_ICON,
    schema: { properties, required: [] },
    relations,
  });
}

function relationsOf(kind: string): Blueprint["relations"] {
  return Object.fromEntries(suggestRelations(kind).map((r) => [r.name, r.relation]));
}

/** The five seed blueprints, in the order of the seed resources. Fresh objects on every call. */
export function seedBlueprints(): Blueprint[] {
  return [
    seedBlueprint("/users", {
      // A principal name is a sign-in name, not a mailbox (guests: ann_fabrikam.com#EXT#@...): no email format.
      userPrincipalName: text("User Principal Name"),
      mail: email("Mail"),
      givenName: text("Given Name"),
      surname: text("Surname"),
      jobTitle: text("Job Title"),
      department: text("Department"),
      officeLocation: text("Office Location"),
      accountEnabled: flag("Account Enabled"),
      userType: text("User Type"),
      isGuest: flag("Is Guest"),
      createdDateTime: dateTime("Created Date Time"),
      employeeId: text("Employee Id"),
    }),
    seedBlueprint("/groups", {
      description: text("Description"),
      mail: email("Mail"),
      mailEnabled: flag("Mail Enabled"),
      mailNickname: text("Mail Nickname"),
      securityEnabled: flag("Security Enabled"),
      groupTypes: strings("Group Types"),
      isMicrosoft365: flag("Is Microsoft 365"),
      isDynamic: flag("Is Dynamic"),
      visibility: text("Visibility"),
      membershipRule: text("Membership Rule"),
      createdDateTime: dateTime("Created Date Time"),
    }),
    seedBlueprint("/applications", {
      objectId: text("Object Id"),
      createdDateTime: dateTime("Created Date Time"),
      publisherDomain: text("Publisher Domain"),
      signInAudience: text("Sign In Audience"),
      // api://... and urn:... are identifier URIs too: no url format.
      identifierUris: strings("Identifier Uris"),
      tags: strings("Tags"),
      secretCount: count("Secret Count"),
      certificateCount: count("Certificate Count"),
      nextCredentialExpiry: dateTime("Next Credential Expiry"),
    }),
    seedBlueprint(
      "/servicePrincipals",
      {
        appId: text("App Id"),
        appDisplayName: text("App Display Name"),
        accountEnabled: flag("Account Enabled"),
        servicePrincipalType: text("Service Principal Type"),
        appOwnerOrganizationId: text("App Owner Organization Id"),
        appRoleAssignmentRequired: flag("App Role Assignment Required"),
        signInAudience: text("Sign In Audience"),
        publisherName: text("Publisher Name"),
        tags: strings("Tags"),
      },
      relationsOf("/servicePrincipals"),
    ),
    seedBlueprint("/groups/{group_id}/members", {}, Object.fromEntries(GROUP_MEMBERSHIP_RELATIONS.map((r) => [r.name, r.relation]))),
  ];
}

/** The complete group membership blueprint: single relations `group` and `member`, none required. */
export function groupMembershipBlueprint(): Blueprint {
  return seedBlueprints()[4]!;
}
