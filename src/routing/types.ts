/**
 * What `routeComplaint` returns: a decision a clerk can trust and a lawyer can audit.
 */
import type { SectionId } from '../sections.js'
import type { Citation, SourceLocation } from '../ruleset/types.js'
import type { ConditionTrace, KeywordEvidence } from './explainCondition.js'

export type { SectionRef } from '../sections.js'
import type { SectionRef } from '../sections.js'

export type WarningCode =
  | 'lead_tie'
  | 'no_specific_section'
  | 'county_assumed'
  | 'occurred_in_assumed'
  | 'no_intake_rule'

export interface RoutingWarning {
  code: WarningCode
  message: string
  messageEn: string
  /** Rule ids concerned. */
  rules?: string[]
}

/** What a fired rule did to the decision. */
export type RuleEffect =
  | 'intake' // decided who registers the case
  | 'reject'
  | 'transfer'
  | 'lead'
  | 'assist'
  | 'outranked' // a lead rule that lost to a higher-priority (or tie-broken) lead; its section assists unless the rule says whenOutranked: drop
  | 'superseded' // fired but a higher-priority rule of the same stage decided

export interface RuleHit {
  rule: string
  stage: 'intake' | 'screening' | 'routing'
  effect: RuleEffect
  section?: SectionRef
  role?: 'lead' | 'assist'
  priority: number
  cites: Citation[]
  /** Keywords found in the text, per vocabulary. */
  keywords: KeywordEvidence[]
  /** Non-text facts the rule tested and their values. */
  facts: { fact: string; path?: string; operator: string; value: unknown; actual: unknown }[]
  /** Where the rule is written. */
  at: SourceLocation
  /** With `{ explain: true }`: every condition's result. */
  conditions?: ConditionTrace
}

export interface RoutingDecision {
  /** The caller's id, echoed. */
  id?: string
  disposition: 'route' | 'transfer' | 'reject'
  intake: SectionRef
  lead: SectionRef | null
  assist: SectionRef[]
  /** For `transfer`: the county that has jurisdiction, and why. */
  transfer?: { to: string; reason: string; reasonEn: string }
  /** For `reject`: why it is not accepted, and who is competent instead. */
  rejection?: { reason: string; reasonEn: string; competentAuthority?: string }
  basis: Citation[]
  trace: RuleHit[]
  warnings: RoutingWarning[]
  /** With `{ explain: true }`: rules that were considered but did not fire, with their conditions. */
  notFired?: { rule: string; stage: RuleHit['stage']; conditions: ConditionTrace; at: SourceLocation }[]
}

export interface RouteOptions {
  /** Include every condition's result in the trace, and the rules that did not fire. */
  explain?: boolean
}
