/**
 * Microsoft Entra ID sign-in links to an account by the token's object id (`oid`) only,
 * never by the email claim (which a tenant's users can often edit). An administrator sets
 * the object id on the person or on their invitation; a token from another tenant or with
 * an unknown oid signs no one in.
 */
import type { Db } from "../db";
import { entraObjectIdSchema } from "../people/schemas";

/** The id_token claims this check reads (next-auth passes the whole profile). */
export interface EntraProfile {
  oid?: unknown;
  tid?: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the token's tenant is the configured one. A configured GUID must equal `tid`;
 * a configured domain name (contoso.onmicrosoft.com) cannot be compared with `tid`, and
 * there the issuer check of the OIDC client (the tenant's own issuer) is what holds.
 */
export function tenantMatches(profile: EntraProfile, configuredTenantId: string): boolean {
  if (typeof profile.tid !== "string" || !GUID.test(profile.tid)) return false;
  if (!GUID.test(configuredTenantId)) return true;
  return profile.tid.toLowerCase() === configuredTenantId.toLowerCase();
}

/** The account this Entra sign-in belongs to, or null (unknown oid, wrong tenant, no oid). */
export async function accountForEntraProfile(
  db: Db,
  profile: EntraProfile | undefined,
  configuredTenantId: string,
): Promise<{ id: string; email: string; name: string } | null> {
  if (!profile || !tenantMatches(profile, configuredTenantId)) return null;
  const oid = entraObjectIdSchema.safeParse(profile.oid);
  if (!oid.success) return null;
  return db.user.findUnique({ where: { entraObjectId: oid.data }, select: { id: true, email: true, name: true } });
}
