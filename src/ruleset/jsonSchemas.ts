/**
 * JSON Schemas of every rule-file kind, generated from the zod schemas, for editors
 * (VS Code YAML: `# yaml-language-server: $schema=../schemas/section.schema.json`).
 */
import { z } from 'zod'
import { FILE_KINDS } from './parseRuleSet.js'

/** `{ 'section.schema.json': {...}, ... }` */
export function ruleFileJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [kind, schema] of Object.entries(FILE_KINDS)) {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    out[`${kind}.schema.json`] = {
      ...json,
      title: `xiaobao rule file: kind ${kind}`,
    }
  }
  return out
}
