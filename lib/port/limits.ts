/**
 * Port's documented request limits (shared/docs/ocean-and-port.md, "Port API"): the one
 * definition the client splits and batches by and the demo Port enforces.
 */

/** Entities per bulk upsert (Ocean sends 20; see the doc for the 50 of the newest schema). */
export const BULK_MAX_ENTITIES = 20;
/** Bytes per request body: 1 MiB, answered with 413 past it. */
export const BULK_MAX_BYTES = 1024 * 1024;
/** Identifiers per bulk delete (1..100, one blueprint). */
export const DELETE_MAX_ENTITIES = 100;
/** Entities per page of a search. */
export const SEARCH_MAX_PAGE = 1000;
/** Characters of an entity identifier, and of each relation target. */
export const ENTITY_IDENTIFIER_MAX_LENGTH = 1000;
