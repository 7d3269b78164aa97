/**
 * What `xiaobao train` keeps of the model file it replaces: settings legal staff chose, never the weights.
 * - `threshold`: kept when raised by hand above the new cross-validated one (lower it in the file to undo).
 *   One the last cross-validation chose (its `thresholdBy` names it) follows the data, up or down.
 * - `leadThreshold`: kept as the file has it (a number, or false: the model never leads); a file without one
 *   gets the trained default.
 * - `unsureLeadThreshold`: the same (a number, or false); a file without one gets the trained default.
 * - `learnedReject`: kept as the file has it; training never writes one (a bureau chooses it: README).
 * The unsure one is then never above the lead threshold, and where the model never leads (leadThreshold false)
 * the unsure one is false too (the loader refuses the rest).
 * The lead threshold is not tied to the warning's: they answer different questions (the warning's, chosen by
 * cross-validation: from what p the model's answer is right 90% of the time; the lead's, chosen on held-out
 * texts: from what p the model's disagreements with the rules' lead are right more often than the rules), and
 * the cross-validated one moves between 0.8 and 0.85 from one retrain to the next (stops 27 and 28) — raising
 * the lead threshold with it changed dozens of answers each time. Files written by stops 27 and 28 may carry a
 * lead threshold raised with the warning's (`RAISED` in `leadThresholdBy`, with the value chosen before): it is
 * put back to that value.
 */
import type { RoutingModelFile } from './schema.js'
import type { RoutingModel } from './types.js'

/** A `leadThresholdBy` written (stops 27-28) when the lead threshold was raised with the warning's; group 1 is the value chosen. */
const RAISED = /^raised with the warning threshold to [0-9.]+ from ([0-9.]+): /

export interface Kept {
  /** The hand-raised threshold kept, if any. */
  raised?: number
}

export function keepSettings(model: RoutingModelFile, prior: RoutingModel | undefined): Kept {
  const kept: Kept = {}
  if (prior !== undefined) {
    const chosenBefore = (prior.thresholdBy ?? '').includes(`chose ${prior.threshold}:`)
    if (!chosenBefore && prior.threshold > model.threshold) {
      model.thresholdBy = `kept from the file, above the cross-validated ${model.threshold}`
      model.threshold = prior.threshold
      kept.raised = prior.threshold
    }
    if (prior.leadThreshold !== undefined) {
      const raised = typeof prior.leadThreshold === 'number' ? RAISED.exec(prior.leadThresholdBy ?? '') : null
      model.leadThreshold = raised ? Number(raised[1]) : prior.leadThreshold
      model.leadThresholdBy = raised ? prior.leadThresholdBy!.slice(raised[0].length) : (prior.leadThresholdBy ?? 'kept from the file')
    }
    if (prior.learnedReject !== undefined) {
      // Chosen by hand (on held-out texts, README "similar cases"): kept as written, never trained.
      const { at: _at, ...written } = prior.learnedReject
      model.learnedReject = { ...written, rules: { ...written.rules } }
    }
    if (prior.unsureLeadThreshold !== undefined) {
      model.unsureLeadThreshold = prior.unsureLeadThreshold
      model.unsureLeadThresholdBy = prior.unsureLeadThresholdBy ?? 'kept from the file'
    }
  }
  if (typeof model.unsureLeadThreshold === 'number') {
    if (typeof model.leadThreshold !== 'number') model.unsureLeadThreshold = false
    else if (model.unsureLeadThreshold > model.leadThreshold) model.unsureLeadThreshold = model.leadThreshold
  }
  return kept
}
