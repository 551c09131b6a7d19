/**
 * port-app-config: model, parsing with positions, validation, compilation, evaluation
 * with Ocean's rules, Graph lints and the $select assistant. Browser-safe (pass any
 * JqEngine: the Node pool from lib/jq/server.ts or BrowserJqClient).
 *
 *   const parsed = parsePortAppConfig(yamlText);          // {config, issues, warnings, source}
 *   const compiled = await compileResource(engine, parsed.config.resources[0], { index: 0, source: parsed.source });
 *   const state = createRunState();                        // one per run, owned by the caller
 *   const page = await evaluatePage(compiled, graphResponseBody, { engine, state });
 *   const findings = await lint(parsed.config, { source: parsed.source, samples, blueprints, engine });
 *   const select = selectAssistant(parsed.config.resources[0]);
 */
export { parsePortAppConfig, type ParsedConfig } from "./parse";
export { offsetPastDepth, parseYamlBounded, MAX_YAML_DEPTH, type BoundedYaml, type YamlTooDeep } from "./yaml-depth";
export { formatPath, noSource, type ConfigIssue, type PathSegment, type SourceMap } from "./source";
export { validateConfig, kindParameters } from "./validate";
export {
  portAppConfigSchema,
  resourceSchema,
  selectorSchema,
  pathParameterSchema,
  entityMappingSchema,
  mappingValueSchema,
  type PortAppConfig,
  type ResourceConfig,
  type Selector,
  type PathParameter,
  type EntityMapping,
  type MappingValue,
  type PortEntity,
} from "./model";
export { compileResource, type CompiledResource, type CompileOptions, type MappingField } from "./compile";
export {
  evaluatePage,
  createRunState,
  pythonTruthy,
  type PageResult,
  type DroppedItem,
  type DropReason,
  type Diagnostic,
  type RunState,
  type EvaluatePageOptions,
} from "./evaluate";
export { lint, lintConfig, PAGINATION_TYPES, type LintFinding, type LintOptions } from "./lint";
export { selectAssistant, readTopLevelProperties } from "./select-assistant";
export { lintBlueprintSchema, type LintBlueprint } from "./blueprint";
export { defaultSetFor, USER_DEFAULT_PROPERTIES } from "./graph-defaults";
export { SEED_RESOURCES, seedConfigYaml, type SeedName } from "./seed";
