/**
 * What the preview asks the server for, per resource: its own listing (kind, method,
 * query_params, headers), or for a nested kind the discovery listing first and then the
 * nested listings for the first parents. Two resources asking the same thing share one
 * fetch (react-query keys on the request), and a changed `$select` is a new request.
 */
import { kindParameters, type PathParameter, type ResourceConfig } from "@/lib/mapping";
import type { PreviewSampleRequest } from "@/lib/builder/mapping-contracts";

export type ResourceSampleRequest =
  | { kind: "plain"; request: PreviewSampleRequest }
  | { kind: "nested"; param: string; spec: PathParameter; discovery: PreviewSampleRequest; request: Omit<PreviewSampleRequest, "parent"> }
  | { kind: "invalid"; message: string; hint: string };

const asQuery = (q: Record<string, string | number | boolean> | undefined) => Object.fromEntries(Object.entries(q ?? {}).map(([k, v]) => [k, String(v)]));

export function sampleRequestFor(resource: ResourceConfig): ResourceSampleRequest {
  const { selector } = resource;
  const request = { kind: resource.kind, method: selector.method, query_params: asQuery(selector.query_params), headers: selector.headers ?? {} };
  const param = kindParameters(resource.kind)[0];
  if (param === undefined) return { kind: "plain", request };
  const spec = selector.path_parameters?.[param];
  if (!spec) {
    return { kind: "invalid", message: `kind ${resource.kind} uses {${param}}, but selector.path_parameters.${param} is not defined`, hint: `Add path_parameters.${param} with endpoint, data_path and field.` };
  }
  return {
    kind: "nested",
    param,
    spec,
    discovery: { kind: spec.endpoint, method: spec.method, query_params: asQuery(spec.query_params), headers: spec.headers ?? {} },
    request,
  };
}
