/**
 * The one switch for the simulators' Next routes: with SIMULATORS=off they answer 404,
 * as if they did not exist. `off` lets a simulator answer in its own error shape.
 */
import { env } from "../server/env";
import type { FetchHandler } from "./serve";

export function whenSimulatorsOn(
  handle: FetchHandler,
  off: () => Response = () => new Response("Not Found", { status: 404 }),
): (request: Request) => Promise<Response> {
  return async (request) => (env().SIMULATORS ? handle(request) : off());
}
