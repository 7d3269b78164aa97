/**
 * `trainRoutingModel(ruleSet, options?)`: the learned review model's file, from the rule set's route
 * scenarios (frozen ones dropped first: trainingRows.ts). Pure, browser-safe and deterministic: the same
 * rule set and options give a byte-identical model. The threshold comes from k-fold cross-validation on
 * the training rows alone (chooseThreshold.ts), with the model pruned and quantised as shipped.
 */
import type { RoutingRuleSet } from '../ruleSet.js'
import { gramsOf, MAX_GRAM } from './features.js'
import { DEFAULT_FIT, fitSoftmax, type FitSettings } from './fit.js'
import { compactModel, LEVELS } from './compact.js'
import { crossValidate } from './crossValidate.js'
import { chooseThreshold, MIN_ACCURACY, type ThresholdChoice } from './chooseThreshold.js'
import { trainingRows } from './trainingRows.js'
import type { RoutingModelFile } from './schema.js'

export interface TrainOptions extends Partial<FitSettings> {
  /** Features kept (largest weight first); 0 keeps all. */
  maxFeatures?: number
  /** Quantised weights below this many levels are dropped (compact.ts). */
  minLevel?: number
  /** Folds of the cross-validation that sets the threshold. */
  folds?: number
  /** A fixed threshold instead of cross-validation (tests, experiments). */
  threshold?: number
  /** Written into the file (`xiaobao train` keeps an existing file's `enabled: false`). */
  enabled?: boolean
  /** The lead threshold written into the file (`false`: the model never leads); `DEFAULT_LEAD_THRESHOLD` when not given. */
  leadThreshold?: number | false
  /** The unsure lead threshold written into the file (`false`: only leadThreshold); `DEFAULT_UNSURE_LEAD_THRESHOLD` when not given. */
  unsureLeadThreshold?: number | false
  /** Characters whose grams are not learned (`hyper.skipChars`; `xiaobao train` passes the file's). */
  skipChars?: string
}

/**
 * The default budget (README, "similar cases"): chosen on the held-out runs and the cost per route. Stop 26: 16,000
 * features kept (fewer written once weights below level 2 are dropped: 11,732 at the end of stop 26, 10,930 at stop 27's) against 2,000 — on the held-out intake answers
 * (test/tools/model-size-heldout.mts, 901 tuned texts) 723 right with the learned lead against 707, for ~3% more time per
 * bench complaint and 42 KB more gzip in the route bundle. Below level 2 stays unwritten: keeping every level (726) costs
 * more time again (more weights to add per text), and dropping below level 3 loses the gain (706).
 */
export const DEFAULT_MAX_FEATURES = 16000
export const DEFAULT_MIN_LEVEL = 2

/**
 * From this p the model leads where the rules routed to another section (similarCases.ts). Chosen on held-out
 * texts, never on the training rows (test/tools/lead-thresholds-heldout.mts): the rules from before each pair of new
 * batches was tuned (fifteen pairs, fresh7–fresh36, the tuned part: 901 texts), the model trained without that pair.
 * Stop 24's choice, with `DEFAULT_UNSURE_LEAD_THRESHOLD`: of the thresholds tried (0.6–0.9 for decisions the rules
 * are sure of, 0.3–0.8 for low-confidence ones), 0.8 and 0.5 gave the most right answers (717 of 901, against 696
 * with 0.9 alone and 678 for the rules alone); checked once on the frozen texts of the same pairs, which took no
 * part in the choice: 325 of 418, against 316 and 302. The unsure tier never leads with the fallback section or an
 * assisting one (decide.ts): that costs at intake (705, 318) but keeps the bureau's written readings (README,
 * "learned lead"). Cross-validation cannot set it: the rules are tuned on the training rows, so their disagreements
 * there are few and unlike those on new texts. (Stop 19 chose 0.9 the same way on eight pairs.)
 *
 * Stop 36 tried re-choosing both with a stronger L2 in the fit (fit.ts), on 37 groups (fresh7–fresh109, each batch
 * grouped by the commit that added it; `THROUGH=109`, `FIT`, `MAX_FEATURES`), tuned texts only (2,168): the shipped fit
 * at 0.8/0.5 guarded 1611 (its best in the grid 1625 at 0.6/0.5); L2 3e-3 with 12,000 features 1639–1650 at 0.45/0.3
 * (two runs), but only 1572 at 0.8/0.5 — its probabilities are softer, so it gains only with low thresholds. Not
 * adopted: at 0.45/0.3 (and still at 0.7/0.5) the softer model overrode curated scenarios that state the bureau's
 * readings (9 and 2 of them), and on today's corpus it memorises the tuned texts less (README, "learned lead").
 */
export const DEFAULT_LEAD_THRESHOLD = 0.8

/** From this p the model leads where the rules' own decision is low-confidence (chosen with DEFAULT_LEAD_THRESHOLD). */
export const DEFAULT_UNSURE_LEAD_THRESHOLD = 0.5

export interface TrainResult {
  model: RoutingModelFile
  /** The cross-validation behind the threshold (absent with a fixed threshold). */
  thresholdChoice?: ThresholdChoice
}

export function trainRoutingModel(ruleSet: RoutingRuleSet, options: TrainOptions = {}): TrainResult {
  const fit: FitSettings = {
    epochs: options.epochs ?? DEFAULT_FIT.epochs,
    learningRate: options.learningRate ?? DEFAULT_FIT.learningRate,
    l2: options.l2 ?? DEFAULT_FIT.l2,
    seed: options.seed ?? DEFAULT_FIT.seed,
  }
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES
  const minLevel = options.minLevel ?? DEFAULT_MIN_LEVEL
  const folds = options.folds ?? 5
  const { rows, frozenExcluded, hash, files } = trainingRows(ruleSet)
  const skipChars = options.skipChars ?? ''
  const dense = fitSoftmax(rows.map((r) => ({ grams: gramsOf(r.text, r.respondent, skipChars), label: r.label })), fit)
  const compact = compactModel(dense, { maxFeatures, minLevel })
  let threshold = options.threshold
  let thresholdChoice: ThresholdChoice | undefined
  if (threshold === undefined) {
    thresholdChoice = chooseThreshold(crossValidate(rows, fit, { maxFeatures, minLevel }, folds, skipChars))
    threshold = thresholdChoice.threshold
  }
  const model: RoutingModelFile = {
    kind: 'routing-model',
    enabled: options.enabled ?? true,
    trainedOn: { scenarios: rows.length, frozenExcluded, rowsHash: hash, files },
    classes: dense.classes as RoutingModelFile['classes'],
    hyper: { ngrams: MAX_GRAM, respondentGrams: true, epochs: fit.epochs, learningRate: fit.learningRate, l2: fit.l2, seed: fit.seed, maxFeatures, ...(minLevel !== 1 ? { minLevel } : {}), ...(skipChars !== '' ? { skipChars } : {}), levels: LEVELS },
    threshold,
    thresholdBy:
      options.threshold !== undefined
        ? 'fixed by the caller'
        : `${folds}-fold cross-validation on the training rows chose ${threshold}: the smallest threshold at which the out-of-fold answers with p at least it (and at least every higher one) are right ${Math.round(MIN_ACCURACY * 100)}% of the time`,
    leadThreshold: options.leadThreshold ?? Math.max(DEFAULT_LEAD_THRESHOLD, threshold),
    leadThresholdBy:
      options.leadThreshold !== undefined
        ? 'fixed by the caller'
        : 'held-out texts (README, "similar cases differ"): from this p, the model\'s sure disagreements with a routed lead were right far more often than the rules',
    unsureLeadThreshold: options.unsureLeadThreshold ?? (options.leadThreshold === false ? false : DEFAULT_UNSURE_LEAD_THRESHOLD),
    unsureLeadThresholdBy:
      options.unsureLeadThreshold !== undefined
        ? 'fixed by the caller'
        : 'held-out texts (README, "similar cases differ"): where the rules\' own decision was low-confidence, the model\'s disagreements from this p were right more often than the rules',
    scale: compact.scale,
    bias: compact.bias,
    features: compact.features,
    weights: compact.weights,
  }
  return { model, ...(thresholdChoice ? { thresholdChoice } : {}) }
}
