/**
 * The demo tenant's fixed credentials (shown in the README and prefilled by "use the demo
 * tenant"). Not secrets: they only open the simulator.
 */
export const DEMO_TENANT = "contoso-demo";
export const DEMO_CLIENT_ID = "demo-client";
export const DEMO_LIMITED_CLIENT_ID = "demo-client-limited";
export const DEMO_CLIENT_SECRET = "demo-secret";
/** The secret's ID as the portal shows it beside the value: pasting it gives AADSTS7000215, like Entra. */
export const DEMO_CLIENT_SECRET_ID = "8c1f3e6a-2b7d-4e59-9a0c-5d4f6b7e8a91";

/** Application permissions (app roles) granted with admin consent to each demo app. */
export const DEMO_APPS: Record<string, { displayName: string; secret: string; roles: readonly string[] }> = {
  [DEMO_CLIENT_ID]: {
    displayName: "Port builder (demo, all permissions)",
    secret: DEMO_CLIENT_SECRET,
    roles: [
      "User.Read.All", "Group.Read.All", "GroupMember.Read.All", "Application.Read.All", "Device.Read.All",
      "AuditLog.Read.All", "Organization.Read.All", "Directory.Read.All",
    ],
  },
  [DEMO_LIMITED_CLIENT_ID]: {
    displayName: "Port builder (demo, without Group.Read.All)",
    secret: DEMO_CLIENT_SECRET,
    roles: ["User.Read.All", "Application.Read.All", "Device.Read.All", "AuditLog.Read.All", "Organization.Read.All"],
  },
};

