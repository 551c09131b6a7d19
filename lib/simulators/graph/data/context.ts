/** What every generator needs: the seed, the sizes and the tenant's identity. */
import { guidFor, KIND_CODES } from "../random";

export interface TenantSizes {
  users: number;
  groups: number;
  applications: number;
  servicePrincipals: number;
  devices: number;
}

export const DEFAULT_SIZES: TenantSizes = {
  users: 1200,
  groups: 180,
  applications: 120,
  servicePrincipals: 300,
  devices: 250,
};

export const DEFAULT_SEED = 20250601;

export interface GenContext {
  seed: number;
  sizes: TenantSizes;
  tenantId: string;
  /** Initial domain, used in UPNs and guest UPNs. */
  initialDomain: string;
  /** Verified custom domain used for mail. */
  mailDomain: string;
}

export function genContext(seed = DEFAULT_SEED, sizes: Partial<TenantSizes> = {}): GenContext {
  return {
    seed,
    sizes: { ...DEFAULT_SIZES, ...sizes },
    tenantId: guidFor(seed, KIND_CODES.tenant, 0),
    initialDomain: "contosodemo.onmicrosoft.com",
    mailDomain: "contoso-demo.com",
  };
}

export type GraphObject = Record<string, unknown>;
