/**
 * The sync runner's jq engine, made on the first program it runs: the Node pool starts
 * worker threads, which a server that never syncs should not pay for at start-up.
 */
import type { JqEngine } from "../jq";

export function lazyJqEngine(create: () => JqEngine, parallelism: number): JqEngine {
  let engine: JqEngine | null = null;
  return {
    parallelism,
    run(request) {
      engine ??= create();
      return engine.run(request);
    },
    async close() {
      const made = engine;
      engine = null;
      await made?.close();
    },
  };
}
