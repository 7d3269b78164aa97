/**
 * The condition node (json-rules-engine's format) and its zod schema, on the ground floor: routing,
 * meetings and analysis all use it. Imports no capability.
 */
import * as z from 'zod'

// Conditions: json-rules-engine's format, checked structurally. Operators are checked against the
// engine's built-in and custom operator names by the loader (so the message can list them).

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> }

export const conditionNode: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionNode).min(1) }),
    z.strictObject({ any: z.array(conditionNode).min(1) }),
    z.strictObject({ not: conditionNode }),
    z.strictObject({
      fact: z.string().min(1).describe('事实名 / fact name'),
      operator: z.string().min(1).describe('运算符 / operator'),
      value: z.unknown().describe('比较值；containsAny/notContainsAny 填关键词表名或关键词列表'),
      path: z.string().regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/, { message: 'json_path' }).optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    }).meta({ 'x-xiaobao': 'condition' }),
  ]),
)

/** Top-level condition of a rule: json-rules-engine requires `all`, `any` or `not` at the top. */
export const topCondition = z.union([
  z.strictObject({ all: z.array(conditionNode).min(1) }),
  z.strictObject({ any: z.array(conditionNode).min(1) }),
  z.strictObject({ not: conditionNode }),
])
