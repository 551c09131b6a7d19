/**
 * The default mappings the builder starts from: the four directory resources and the
 * complete group membership (ocean-and-port.md, "Group membership", form 1).
 * Each is one `resources:` entry of YAML; `seedConfigYaml()` joins them into a file.
 * `$select` lists every property the mapping reads (users' defaults lack most of them).
 */

export const SEED_USERS = `  - kind: /users
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $select: id,displayName,userPrincipalName,mail,givenName,surname,jobTitle,department,officeLocation,accountEnabled,userType,createdDateTime,employeeId
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName // .userPrincipalName
          blueprint: '"entra-id-user"'
          properties:
            userPrincipalName: .userPrincipalName
            mail: .mail
            givenName: .givenName
            surname: .surname
            jobTitle: .jobTitle
            department: .department
            officeLocation: .officeLocation
            accountEnabled: .accountEnabled
            userType: .userType
            isGuest: .userType == "Guest"
            createdDateTime: .createdDateTime
            employeeId: .employeeId
`;

export const SEED_GROUPS = `  - kind: /groups
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $select: id,displayName,description,mail,mailEnabled,mailNickname,securityEnabled,groupTypes,visibility,createdDateTime,membershipRule
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-group"'
          properties:
            description: .description
            mail: .mail
            mailEnabled: .mailEnabled
            mailNickname: .mailNickname
            securityEnabled: .securityEnabled
            groupTypes: .groupTypes
            isMicrosoft365: (.groupTypes // []) | any(. == "Unified")
            isDynamic: (.groupTypes // []) | any(. == "DynamicMembership")
            visibility: .visibility
            membershipRule: .membershipRule
            createdDateTime: .createdDateTime
`;

export const SEED_APPLICATIONS = `  - kind: /applications
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $select: id,appId,displayName,createdDateTime,publisherDomain,signInAudience,identifierUris,tags,passwordCredentials,keyCredentials
    port:
      entity:
        mappings:
          identifier: .appId
          title: .displayName
          blueprint: '"entra-id-application"'
          properties:
            objectId: .id
            createdDateTime: .createdDateTime
            publisherDomain: .publisherDomain
            signInAudience: .signInAudience
            identifierUris: .identifierUris
            tags: .tags
            secretCount: .passwordCredentials | length
            certificateCount: .keyCredentials | length
            nextCredentialExpiry: '[.passwordCredentials[]?.endDateTime, .keyCredentials[]?.endDateTime] | min'
`;

export const SEED_SERVICE_PRINCIPALS = `  - kind: /servicePrincipals
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $select: id,appId,displayName,appDisplayName,accountEnabled,servicePrincipalType,appOwnerOrganizationId,appRoleAssignmentRequired,signInAudience,publisherName,tags
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName // .appDisplayName
          blueprint: '"entra-id-service-principal"'
          properties:
            appId: .appId
            appDisplayName: .appDisplayName
            accountEnabled: .accountEnabled
            servicePrincipalType: .servicePrincipalType
            appOwnerOrganizationId: .appOwnerOrganizationId
            appRoleAssignmentRequired: .appRoleAssignmentRequired
            signInAudience: .signInAudience
            publisherName: .publisherName
            tags: .tags
          relations:
            application: .appId
`;

export const SEED_GROUP_MEMBERSHIP = `  - kind: /groups/{group_id}/members
    selector:
      query: '."@odata.type" == "#microsoft.graph.user"'
      data_path: .value
      query_params:
        $top: "999"
        $select: id
      path_parameters:
        group_id:
          endpoint: /groups
          method: GET
          query_params:
            $top: "999"
            $select: id
          data_path: .value
          field: .id
    port:
      entity:
        mappings:
          identifier: '"\\(.__group_id)-\\(.id)"'
          title: '"\\(.__group_id)-\\(.id)"'
          blueprint: '"entra-id-group-membership"'
          relations:
            group: .__group_id
            member: .id
`;

export const SEED_RESOURCES = {
  users: SEED_USERS,
  groups: SEED_GROUPS,
  applications: SEED_APPLICATIONS,
  servicePrincipals: SEED_SERVICE_PRINCIPALS,
  groupMembership: SEED_GROUP_MEMBERSHIP,
} as const;
export type SeedName = keyof typeof SEED_RESOURCES;

/** A complete port-app-config file with the chosen seed resources (all by default). */
export function seedConfigYaml(names: readonly SeedName[] = Object.keys(SEED_RESOURCES) as SeedName[]): string {
  return `deleteDependentEntities: true\ncreateMissingRelatedEntities: true\nresources:\n${names.map((n) => SEED_RESOURCES[n]).join("")}`;
}
