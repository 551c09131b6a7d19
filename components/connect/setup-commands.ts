/**
 * The setup guide's copyable text: the admin-consent link and the token `curl`, filled in
 * from the form. A value that is not a plain tenant or client id (so might carry shell or
 * URL syntax) is left as its placeholder: what is copied must be safe to paste.
 */
import { adminConsentUrl, CLOUDS, type CloudId } from "@/lib/graph/clouds";

/** The characters a tenant (GUID or domain) and a client id (GUID) can hold. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const TENANT_PLACEHOLDER = "<tenant-id>";
export const CLIENT_PLACEHOLDER = "<client-id>";

export function plainId(value: string): string | null {
  const v = value.trim();
  return v.length > 0 && v.length <= 256 && PLAIN_ID.test(v) ? v : null;
}

/** The admin-consent page for the app, or null until both ids are filled in. */
export function consentLink(cloud: CloudId, tenantId: string, clientId: string): string | null {
  const tenant = plainId(tenantId);
  const client = plainId(clientId);
  return tenant && client ? adminConsentUrl(CLOUDS[cloud], tenant, client) : null;
}

/** A client-credentials token request for the cloud; the secret is read from $CLIENT_SECRET, never written out. */
export function tokenCurl(cloud: CloudId, tenantId: string, clientId: string): string {
  const { loginHost, graphHost } = CLOUDS[cloud];
  const tenant = plainId(tenantId) ?? TENANT_PLACEHOLDER;
  const client = plainId(clientId) ?? CLIENT_PLACEHOLDER;
  return [
    `curl -s -X POST https://${loginHost}/${tenant}/oauth2/v2.0/token \\`,
    `  -d client_id=${client} \\`,
    `  -d scope=https://${graphHost}/.default \\`,
    `  -d grant_type=client_credentials \\`,
    `  --data-urlencode client_secret="$CLIENT_SECRET" | jq -r .access_token`,
  ].join("\n");
}
