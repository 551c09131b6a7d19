/**
 * Field inference from Graph samples and Port blueprint generation: the Fields and
 * Blueprints steps. Framework-free and browser-safe.
 *
 *   const inference = createFieldInference({ kind: "/users" });
 *   for (const body of sampledPages) inference.addBody(body);
 *   const { items, fields, notes } = inference.result();          // fields sorted by path
 *   const { blueprint, mappings } = generateBlueprint({ kind: "/users", fields: picked });
 *   const { problems } = validateBlueprintText(editorText);       // line/column per problem
 */
export { createFieldInference, inferFields, type FieldInference, type InferenceOptions, type InferenceResult, type InferredField } from "./infer";
export type { LimitNote } from "./accumulator";
export { itemsOfBody, kindFromContext } from "./graph-samples";
export { isFieldType, type FieldType, type ItemType } from "./field-types";
export type { StringFormat } from "./formats";
export type { ExampleValue } from "./examples";
export {
  generateBlueprint,
  portPropertyFor,
  pickedFieldSchema,
  blueprintRequestSchema,
  BLUEPRINT_ICON,
  type PickedField,
  type BlueprintRequest,
  type GeneratedBlueprint,
  type EntityMappingSuggestion,
} from "./blueprints";
export { mappingExpression, suggestEntityExpressions, suggestRelations, type RelationSuggestion, type EntityExpressions } from "./mapping-suggestions";
export { blueprintIdentifierForKind } from "./naming";
export { seedBlueprints, groupMembershipBlueprint } from "./seed-blueprints";
export { validateBlueprintText, type BlueprintProblem, type BlueprintValidation } from "./validate-blueprint";
