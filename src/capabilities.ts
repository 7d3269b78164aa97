/**
 * The capabilities, listed once. Everything that needs to know every capability — the public
 * `parseRuleSet`, the `RuleSet` type, the JSON Schemas of the rule files — reads this list; the loader
 * (`src/ruleset/`) knows none of them. Adding a capability: a folder with a `capability.ts`, and one line
 * here (see README, "Adding a capability").
 */
import * as z from 'zod'
import { calendarCapability } from './calendar/capability.js'
import { escalationsCapability } from './escalations/capability.js'
import { meetingsCapability } from './meetings/capability.js'
import { reportCapability } from './report/capability.js'
import { routingCapability } from './routing/capability.js'
import type { RuleSetOf } from './ruleset/capability.js'
import { CORE_KINDS } from './ruleset/coreKinds.js'
import { parseRuleSet as parseWith, type ParseRuleSetResult as ParseResult, type RuleFileText } from './ruleset/parseRuleSet.js'
import { XiaobaoError } from './problems/XiaobaoError.js'
import { asXiaobaoError, snapshotInput } from './problems/snapshotInput.js'
import { inputIssues } from './problems/inputIssues.js'

export const CAPABILITIES = [routingCapability, calendarCapability, meetingsCapability, escalationsCapability, reportCapability] as const

/** A loaded, checked rule set: the core plus every capability's slice. Plain serialisable data. */
export interface RuleSet extends RuleSetOf<typeof CAPABILITIES> {}

export type ParseRuleSetResult = ParseResult<RuleSet>

/**
 * Parses and checks a set of rule files.
 * @param files the files' paths (for messages) and texts
 * @returns the rule set, or every problem found (not just the first)
 * @example
 * const result = parseRuleSet([{ path: 'config.yaml', text: 'kind: config\n…' }])
 * if (!result.ok) console.log(result.issues.map(formatIssue).join('\n'))
 */
export function parseRuleSet(files: readonly RuleFileText[]): ParseRuleSetResult {
  let checked: RuleFileText[]
  try {
    checked = checkRuleFiles(snapshotInput(files as unknown, 'files'))
  } catch (error) {
    return { ok: false, issues: asXiaobaoError(error).issues, warnings: [] }
  }
  try {
    return parseWith(checked, CAPABILITIES) as ParseRuleSetResult
  } catch (error) {
    return { ok: false, issues: asXiaobaoError(error).issues, warnings: [] }
  }
}

const ruleFileTexts = z.array(
  z.strictObject({ path: z.string().min(1), text: z.string(), size: z.number().int().nonnegative().optional() }),
)

/** `files` is a list of `{ path, text, size? }`; anything else is an `invalid_input` issue per problem. */
function checkRuleFiles(files: unknown): RuleFileText[] {
  const parsed = ruleFileTexts.safeParse(files)
  if (!parsed.success) throw new XiaobaoError(inputIssues(files, parsed.error.issues, [], 'files'))
  return parsed.data
}

/** Throwing variant of `parseRuleSet`. */
export function parseRuleSetOrThrow(files: readonly RuleFileText[]): RuleSet {
  const result = parseRuleSet(files)
  if (!result.ok) throw new XiaobaoError(result.issues)
  return result.value
}

/**
 * JSON Schemas of every rule-file kind, generated from the zod schemas, for editors
 * (VS Code YAML: `# yaml-language-server: $schema=../schemas/section.schema.json`).
 * `{ 'section.schema.json': {...}, 'scenarios-meeting.schema.json': {...}, ... }`
 */
export function ruleFileJsonSchemas(): Record<string, unknown> {
  const entries: [string, z.ZodType][] = [
    ...[...CORE_KINDS, ...CAPABILITIES.flatMap((c) => c.kinds)].map((k) => [k.kind, k.schema] as [string, z.ZodType]),
    ...CAPABILITIES.flatMap((c) => c.targets).map((t) => [t.target === 'route' ? 'scenarios' : `scenarios-${t.target}`, t.schema] as [string, z.ZodType]),
  ]
  const out: Record<string, unknown> = {}
  for (const [name, schema] of entries) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    out[`${name}.schema.json`] = { ...json, title: `xiaobao rule file: ${name}` }
  }
  return out
}

export type { RuleFileText }
