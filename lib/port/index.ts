/**
 * Port API client: the public surface. Everything that writes to Port (or the demo
 * Port) goes through `createPortClient`. Facts: shared/docs/ocean-and-port.md "Port API".
 */
export { createPortClient, type PortClient, type PortClientOptions } from "./client";
export { PORT_REGIONS, DEMO_PORT_PATH, DEMO_PORT_CREDENTIALS, isAllowedPortBaseUrl, portBaseUrlProblem, resolvePortBaseUrl } from "./regions";
export type { PortRegion, PortRegionInfo, AllowlistOptions } from "./regions";
export { orderBlueprints, type BlueprintOrder, type BlueprintStep } from "./blueprint-order";
export { mergeBlueprint, type BlueprintConflict, type BlueprintMerge } from "./blueprint-merge";
export type { EnsureBlueprintsReport, EnsureBlueprintsOptions, BlueprintUpdate } from "./blueprints";
export type { UpsertOptions, UpsertResult, ListOptions, EntityFailure, WriteProgress } from "./entities";
export type { DeleteOptions, DeleteResult } from "./entity-deletes";
export { entityFingerprint, fingerprintContent, canonicalJson, type FingerprintInput } from "./fingerprint";
export { splitIntoBulks, type SerializedEntity } from "./bulk-split";
export { BULK_MAX_ENTITIES, BULK_MAX_BYTES, DELETE_MAX_ENTITIES, SEARCH_MAX_PAGE, ENTITY_IDENTIFIER_MAX_LENGTH } from "./limits";
export type { RetryEvent } from "./transport";
export { PortError, isPortError, type PortErrorCode } from "./errors";
export {
  blueprintSchema,
  blueprintPropertySchema,
  blueprintRelationSchema,
  entitySchema,
  integrationSchema,
  portPropertyTypes,
  portStringFormats,
  type Blueprint,
  type BlueprintInput,
  type BlueprintProperty,
  type BlueprintRelation,
  type PortEntity,
  type PortEntityInput,
  type PortIntegration,
  type PortPropertyType,
} from "./schemas";
