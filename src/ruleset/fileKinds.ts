/**
 * The extension point of the loader: each capability (calendar, meetings, deadlines…) declares its own
 * rule-file kinds here — the zod schema, the semantic checks that need the whole rule set, and where its
 * data goes in the `RuleSet`. The loader gives each the same position-aware error model.
 */
import type { z } from 'zod'
import type { Issue } from '../problems/issue.js'
import type { CitationRef } from './schemas.js'
import type { RuleSet, SourceLocation } from './types.js'
import type { ConditionContext } from './checkCondition.js'

export interface KindContext {
  /** The file being loaded. */
  file: string
  /** A located issue at a YAML path of this file. */
  issueAt(path: (string | number)[], code: Issue['code'], message: string, messageEn: string, options?: { severity?: Issue['severity']; preferKey?: boolean }): Issue
  /** `file:line:col` of a YAML path of this file. */
  at(path: (string | number)[]): SourceLocation
  /** Issues for citations that do not resolve (`dangling_citation`). */
  checkCites(cites: readonly CitationRef[], path: (string | number)[]): Issue[]
  /** Issues of a json-rules-engine condition, with the facts this kind allows. */
  checkCondition(node: unknown, path: (string | number)[], facts: readonly string[]): Issue[]
  /** Claims a rule id, reporting a duplicate. */
  claimId(id: string, path: (string | number)[]): Issue[]
  conditionContext: ConditionContext
}

export interface FileKindModule<T = unknown> {
  kind: string
  schema: z.ZodType<T>
  /**
   * Checks what needs the whole rule set (citations, names defined in other files) and stores the data.
   * Runs after every article, section and vocabulary has been collected.
   */
  load(data: T, ruleSet: RuleSet, ctx: KindContext): Issue[]
}

/** A scenario target other than routing (`kind: scenarios` with `target: meeting`, …). */
export interface ScenarioTargetModule<T = unknown> {
  target: string
  schema: z.ZodType<T>
  load(data: T, ruleSet: RuleSet, ctx: KindContext): Issue[]
}
