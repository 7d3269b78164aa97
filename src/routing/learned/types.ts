/** The learned review model as the rule set holds it (`ruleSet.routingModel`): the file's data and its place. */
import type { SourceLocation } from '../../ruleset/types.js'
import type { CompactWeights } from './compact.js'

export interface RoutingModelTrainedOn {
  /** Scenarios trained on (texts with a clear label, frozen ones dropped first). */
  scenarios: number
  /** Frozen scenarios left out before anything else. */
  frozenExcluded: number
  /** `sha256:…` of the training rows: `xiaobao lint` warns when the scenarios no longer give this. */
  rowsHash: string
  /** Per scenario file, the hash of its rows (trainingRows.ts `files`). */
  files?: Record<string, string>
}

export interface RoutingModelHyper {
  ngrams: number
  respondentGrams: boolean
  epochs: number
  learningRate: number
  l2: number
  seed: number
  maxFeatures: number
  minLevel?: number
  /** Characters whose grams are not learned (training only; `xiaobao train` keeps the file's): the anonymisation placeholder 「某」. */
  skipChars?: string
  levels: number
}

export interface RoutingModel extends CompactWeights {
  /** false: decisions are exactly as without a model (legal staff may turn it off). */
  enabled: boolean
  trainedOn: RoutingModelTrainedOn
  classes: string[]
  hyper: RoutingModelHyper
  /** The least probability at which the model's answer, when it differs from the decision's, is warned of. */
  threshold: number
  /** How the threshold was chosen (cross-validation on the training rows). */
  thresholdBy?: string
  /**
   * From this probability, where the rules route and the model's first choice is another section, that
   * section leads (similarCases.ts; absent or false: the model never changes a decision).
   */
  leadThreshold?: number | false
  /** How the lead threshold was chosen. */
  leadThresholdBy?: string
  /**
   * From this probability the model's section leads where the rules' own decision is low-confidence
   * (assessConfidence.ts, before the model has a say); never above `leadThreshold` (absent or false: only
   * `leadThreshold` counts).
   */
  unsureLeadThreshold?: number | false
  /** How the unsure lead threshold was chosen. */
  unsureLeadThresholdBy?: string
  /**
   * Where the rules route with low confidence (and no out-of-scope rule gave way), the model's `reject` from
   * this probability makes the decision a rejection, with the reason, action and citations of the screening
   * rule named for the complaint's kind (absent: the model never rejects).
   */
  learnedReject?: LearnedReject
  note?: string
  at: SourceLocation
}

export interface LearnedReject {
  threshold: number
  by?: string
  /** Per kind of matter, the screening rule (`outcome: reject`) whose texts and citations a learned rejection uses. */
  rules: { complaint?: string; report?: string; inquiry?: string }
  /** `{authority}` where the category names none. */
  authority: string
  /** Where each of `rules` is written (the loader's, for the check that the rule exists). */
  at?: { complaint?: SourceLocation; report?: SourceLocation; inquiry?: SourceLocation }
}
