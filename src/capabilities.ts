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
import { jsonSchemasOf, type SchemaNames, type SchemaSource } from './ruleFileSchemas.js'
import { INPUT_MESSAGES, RULE_FILE_MESSAGES } from './problems/catalog.js'
import type { MessageCatalog } from './problems/messages.js'
import { LOADER_MESSAGES } from './ruleset/messages.js'
import { asXiaobaoError, snapshotInput } from './problems/snapshotInput.js'
import { inputIssues } from './problems/inputIssues.js'

export const CAPABILITIES = [routingCapability, calendarCapability, meetingsCapability, escalationsCapability, reportCapability] as const

/**
 * Every issue catalog: the ground floor's (input, shared rule-file codes), the loader's, and each
 * capability's. Every code of `IssueCode` is in exactly one (test/issue-catalogs.test.ts).
 */
export const ISSUE_CATALOGS: readonly MessageCatalog<any>[] = [INPUT_MESSAGES, RULE_FILE_MESSAGES, LOADER_MESSAGES, ...CAPABILITIES.flatMap((c) => ('issues' in c && c.issues ? [c.issues] : []))]

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
 * JSON Schemas of every rule-file kind, generated from the zod schemas and the operator table, for editors
 * (VS Code YAML: `# yaml-language-server: $schema=../schemas/section.schema.json`): `operator` and `fact`
 * are enums with a line for each; given a rule set, its vocabulary names and finding codes are enums too
 * (`xiaobao schema [rules-dir]` writes them for a folder).
 * `{ 'section.schema.json': {...}, 'scenarios-meeting.schema.json': {...}, ... }`
 */
export function ruleFileJsonSchemas(ruleSet?: RuleSet): Record<string, unknown> {
  const sources: SchemaSource[] = [
    ...[...CORE_KINDS, ...CAPABILITIES.flatMap((c) => c.kinds)].map((k) => ({ name: k.kind, schema: k.schema as z.ZodType, ...(k.facts ? { facts: k.facts } : {}) })),
    ...CAPABILITIES.flatMap((c) => c.targets).map((t) => ({ name: t.target === 'route' ? 'scenarios' : `scenarios-${t.target}`, schema: t.schema as z.ZodType })),
  ]
  const names: SchemaNames = ruleSet ? { vocabularies: Object.keys(ruleSet.vocabularies).sort(), findingCodes: ruleSet.meetingProcedure?.checks.map((c) => c.code) ?? [] } : {}
  return jsonSchemasOf(sources, names)
}

export type { RuleFileText }
