/**
 * Server-only jq entry: the worker-thread pool that can stop a runaway program.
 * `createNodeJqPool({ size?, timeoutMs?, root?, idleMs? })` returns a JqEngine whose workers
 * start on demand and end when idle; call `close()` when done.
 * jq-wasm is found from the working directory (the project root) first: see resolveJqWasm.
 */
export { createNodeJqPool, resolveJqWasm, type NodeJqPool, type NodeJqPoolOptions } from "./node-pool";
export * from "./index";
