/**
 * JSON Schemas of every rule-file kind, generated from the zod schemas, for editors
 * (VS Code YAML: `# yaml-language-server: $schema=../schemas/section.schema.json`).
 */
import { z } from 'zod'
import { FILE_KINDS } from './parseRuleSet.js'
import { EXTRA_FILE_KINDS, SCENARIO_TARGETS } from './registry.js'

/** `{ 'section.schema.json': {...}, 'scenarios-meeting.schema.json': {...}, ... }` */
export function ruleFileJsonSchemas(): Record<string, unknown> {
  const entries: [string, z.ZodType][] = [
    ...Object.entries(FILE_KINDS),
    ...EXTRA_FILE_KINDS.map((k) => [k.kind, k.schema] as [string, z.ZodType]),
    ...SCENARIO_TARGETS.map((t) => [`scenarios-${t.target}`, t.schema] as [string, z.ZodType]),
  ]
  const out: Record<string, unknown> = {}
  for (const [name, schema] of entries) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    out[`${name}.schema.json`] = { ...json, title: `xiaobao rule file: ${name}` }
  }
  return out
}
