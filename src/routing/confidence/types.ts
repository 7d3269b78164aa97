/** How sure a decision is, and why (see `assessConfidence.ts`). */
export type ConfidenceLevel = 'high' | 'medium' | 'low'

export type ConfidenceReasonCode =
  | 'strong_evidence' // the deciding rule matched at least `strongEvidence` distinct words
  | 'weak_evidence' // fewer words than that
  | 'facts_decided' // decided by facts (county, kind, dates), not by words
  | 'respondent_named' // the respondent's name decided it (a bank, a telecom operator …)
  | 'by_category' // decided by the goods-or-services category alone
  | 'fallback' // no rule matched; the general duty leads
  | 'tie' // two lead rules of equal priority
  | 'close_runner_up' // another section's lead rule came within `closeMargin`
  | 'category_disagrees' // the category names other sections, or another authority
  | 'possibly_out_of_scope' // an out-of-scope rule gave way to this bureau's duty
  | 'similar_cases_differ' // the learned model is sure similar labelled cases got another answer (rules/learned/)
  | 'learned_lead' // the learned model chose the lead section, not the rules (rules/learned/, leadThreshold)
  | 'learned_reject' // the learned model made a routed decision the rules were unsure of a rejection (rules/learned/, learnedReject)
  | 'similar_cases_lean' // the learned model leans to another answer, below its warning threshold: never high
  | 'similar_cases_unsure' // the learned model agrees, but with p below the confidence file's similarCasesAgreeAtLeast: never high

export interface ConfidenceReason {
  code: ConfidenceReasonCode
  message: string
  messageEn: string
}

export interface Confidence {
  confidence: ConfidenceLevel
  confidenceReasons: ConfidenceReason[]
}
