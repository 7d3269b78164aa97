/**
 * What `routeComplaint` returns: a decision a clerk can trust and a lawyer can audit.
 */
import type { SectionId } from '../sections.js'
import type { Citation, RuleSetProvenance, SourceLocation } from '../ruleset/types.js'
import type { ConditionTrace, KeywordEvidence } from './explainCondition.js'
import type { DecisionCategory } from './categories/types.js'
import type { ConfidenceLevel, ConfidenceReason } from './confidence/types.js'

export type { SectionRef } from '../sections.js'
import type { SectionRef } from '../sections.js'

export type WarningCode =
  | 'lead_tie'
  | 'no_specific_section'
  | 'county_assumed'
  | 'occurred_in_assumed'
  | 'no_intake_rule'
  | 'possibly_out_of_scope'
  | 'needs_review'
  | 'county_blank' // a county given as blank, treated as not given
  | 'publisher_county_assumed' // an advertisement report without the publisher's county: the respondent's is used
  | 'time_bar_provisional' // the three-year bar's last day fell in a year without a notice (provisional calendar) or without data
  | 'similar_cases_differ' // the learned model (rules/learned/) is sure similar labelled cases got another answer; the answer is unchanged
  | 'learned_lead' // the learned model is sure enough (the model file's leadThreshold) that similar cases were led by another section: that section leads, the rules' lead assists
  | 'screening_hint' // a screening rule did not fire for want of a fact (e.g. harmKnownOn), but its `hint` condition holds on the text: the clerk is asked to confirm; the decision is unchanged
  | 'learned_reject' // the rules routed with low confidence and the learned model is sure enough (learnedReject.threshold) that similar cases were not accepted: not accepted, for review

export interface RoutingWarning {
  code: WarningCode
  message: string
  messageEn: string
  /** Rule ids concerned. */
  rules?: string[]
  /** `similar_cases_differ`, `learned_lead` and `learned_reject`: what the learned model says, and why (absent on every other warning). */
  similar?: SimilarCases
}

/**
 * The learned review warning's evidence (src/routing/learned/similarCases.ts): the answer similar
 * labelled cases mostly got, the model's probability for it, the file's threshold, and the grams that
 * pushed the model there with their offsets in the normalised text (`vocabulary: 'learned'`) or the
 * respondent's name (`'learned:respondent'`), in the shape of a trace hit's `keywords`.
 */
export interface SimilarCases {
  /** A section id, or `reject`. */
  answer: string
  /** The section, when `answer` is one. */
  section?: SectionRef
  /** Rounded to two places. */
  p: number
  threshold: number
  /** `learned_lead`: the model file's threshold that p reached: leadThreshold, or unsureLeadThreshold (`rulesUnsure`). */
  leadThreshold?: number
  /** `learned_reject`: the model file's `learnedReject.threshold` that p reached. */
  rejectThreshold?: number
  /**
   * `learned_lead`: the lead the rules gave (it now assists), or null where no rule matched and the
   * fallback section would have led. `learned_reject`: the lead the rules gave (the matter is now not
   * accepted), or null where it was the fallback.
   */
  rulesLead?: SectionRef | null
  /**
   * `learned_lead`: true where the rules' own decision was low-confidence and p reached the model file's
   * `unsureLeadThreshold` (then `leadThreshold` above is that threshold).
   */
  rulesUnsure?: true
  /**
   * `similar_cases_differ`: the lead rule that gave the decision says `learnedMayOverride: false` (a written reading),
   * and p reached the threshold at which the model would otherwise have led or rejected — its id. The lead stays.
   */
  settledBy?: string
  keywords: KeywordEvidence[]
  /** The model file. */
  at: SourceLocation
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
  | 'yielded' // a screening rule with unlessDutyMatches that gave way to a duty of this bureau

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
  /**
   * For `transfer`: the county that has jurisdiction, and why. The bureau does not send the case there
   * itself: `action` says what it does (a complaint: 「不予受理，告知投诉人向……提出」, 《暂行办法》第十五条第(一)项;
   * a report: 「告知举报人直接向……提出」, 第二十九条), and `basis` cites that article with the jurisdiction one.
   */
  transfer?: { to: string; reason: string; reasonEn: string; action?: string; actionEn?: string }
  /** For `reject`: why it is not accepted, who is competent instead, and what the bureau tells the person. */
  rejection?: { reason: string; reasonEn: string; competentAuthority?: string; action?: string; actionEn?: string }
  basis: Citation[]
  /** The goods-or-services category (12315 / consumer-association statistics), from `rules/categories.yaml`. */
  category?: DecisionCategory
  /** How sure the decision is: `low` adds a `needs_review` warning (rules/confidence.yaml). */
  confidence?: ConfidenceLevel
  /** Why: evidence strength, a close runner-up, the fallback, a category that disagrees … */
  confidenceReasons?: ConfidenceReason[]
  trace: RuleHit[]
  warnings: RoutingWarning[]
  /** Which rules made the decision: config.yaml's `version` and the content hash of the rule files. */
  ruleSet?: RuleSetProvenance
  /** With `{ explain: true }`: rules that were considered but did not fire, with their conditions. */
  notFired?: { rule: string; stage: RuleHit['stage']; conditions: ConditionTrace; at: SourceLocation }[]
}

export interface RouteOptions {
  /** Include every condition's result in the trace, and the rules that did not fire. */
  explain?: boolean
}
