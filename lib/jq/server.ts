/**
 * Server-only jq entry: the worker-thread pool that can stop a runaway program.
 * `createNodeJqPool({ size?, timeoutMs? })` returns a JqEngine; call `close()` when done.
 */
export { createNodeJqPool, type NodeJqPoolOptions } from "./node-pool";
export * from "./index";
