/**
 * The loaded joint-meeting procedure and what `checkMeetingDecision` returns.
 */
import type { ConditionNode, CitationRef } from '../ruleset/schemas.js'
import type { Citation, RuleSetCore, RuleSetProvenance, SourceLocation } from '../ruleset/types.js'
import type { IndexFactName } from './facts.js'
import type { MeetingExpectation, ProcedureParam } from './schemas.js'

export type FindingSeverity = 'violation' | 'warning'

export interface MeetingCheckRule {
  code: string
  severity: FindingSeverity
  cites: CitationRef[]
  message: { zh: string; en: string }
  path: string[]
  each?: IndexFactName
  when: ConditionNode
  at: SourceLocation
}

export interface MeetingProcedure {
  procedure: 'joint-meeting'
  title: string
  params: Record<string, ProcedureParam & { at: SourceLocation }>
  checks: MeetingCheckRule[]
  at: SourceLocation
}

/** One thing found wrong with a meeting decision. */
export interface MeetingFinding {
  /** The check's stable code, e.g. `meeting.chaired-by-non-convener`. */
  code: string
  severity: FindingSeverity
  /** The article items the check rests on, quoted. */
  basis: Citation[]
  /** 中文说明 / Chinese message. */
  message: string
  messageEn: string
  /** The field of the record that caused it, e.g. `['decision', 'assignments', 2, 'section']`. */
  path?: (string | number)[]
  /** The facts that made the check's condition true. */
  facts: { fact: string; path?: string; operator: string; value: unknown; actual: unknown }[]
  /** Where the check is written. */
  at: SourceLocation
}

/** What `engine.checkMeetingDecision` returns. */
export interface MeetingCheckResult {
  /** False exactly when there is at least one violation. */
  compliant: boolean
  /** In the order of the checks in the procedure file, then by path. */
  findings: MeetingFinding[]
  /** Which rules made the check: config.yaml's `version` and the content hash of the rule files. */
  ruleSet?: RuleSetProvenance
}

export interface MeetingScenarioRecord {
  name: string
  /** The whole record (baseline with the scenario's changes applied). */
  input: unknown
  expect: MeetingExpectation
  at: SourceLocation
}

/** What meetings add to a rule set. */
export interface MeetingsSlice {
  /** `rules/procedures/joint-meeting.yaml`: the joint meeting's parameters and checks (seq 22-26). */
  meetingProcedure?: MeetingProcedure
  /** Scenario files with `target: meeting`. */
  meetingScenarios?: MeetingScenarioRecord[]
}

/** The part of a rule set meetings read. */
export type MeetingsRuleSet = RuleSetCore & MeetingsSlice
