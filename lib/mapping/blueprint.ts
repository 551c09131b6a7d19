/**
 * The least of Port's blueprint JSON that the type lints need. Structurally compatible
 * with the canonical schema in lib/port/schemas.ts (a Blueprint from there fits here);
 * kept small so lib/mapping needs only lib/port's browser-safe value rules.
 */
import { z } from "zod";

export const lintBlueprintSchema = z.looseObject({
  identifier: z.string().min(1),
  title: z.string().optional(),
  schema: z
    .looseObject({
      properties: z.record(z.string(), z.looseObject({ type: z.string(), format: z.string().optional() })).default({}),
      required: z.array(z.string()).default([]),
    })
    .default({ properties: {}, required: [] }),
  relations: z
    .record(z.string(), z.looseObject({ target: z.string(), many: z.boolean().optional(), required: z.boolean().optional() }))
    .default({}),
});
export type LintBlueprint = z.infer<typeof lintBlueprintSchema>;
