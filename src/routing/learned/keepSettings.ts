/**
 * What `xiaobao train` keeps of the model file it replaces: settings legal staff chose, never the weights.
 * - `threshold`: kept when raised by hand above the new cross-validated one (lower it in the file to undo).
 *   One the last cross-validation chose (its `thresholdBy` names it) follows the data, up or down.
 * - `leadThreshold`: kept as the file has it (a number, or false: the model never leads); a file without one
 *   gets the trained default.
 * - `unsureLeadThreshold`: the same (a number, or false); a file without one gets the trained default.
 * The lead threshold is then never below the warning's, the unsure one never above the lead threshold, and
 * where the model never leads (leadThreshold false) the unsure one is false too (the loader refuses the rest).
 */
import type { RoutingModelFile } from './schema.js'
import type { RoutingModel } from './types.js'

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
      model.leadThreshold = prior.leadThreshold
      model.leadThresholdBy = prior.leadThresholdBy ?? 'kept from the file'
    }
    if (prior.unsureLeadThreshold !== undefined) {
      model.unsureLeadThreshold = prior.unsureLeadThreshold
      model.unsureLeadThresholdBy = prior.unsureLeadThresholdBy ?? 'kept from the file'
    }
  }
  if (typeof model.leadThreshold === 'number' && model.leadThreshold < model.threshold) model.leadThreshold = model.threshold
  if (typeof model.unsureLeadThreshold === 'number') {
    if (typeof model.leadThreshold !== 'number') model.unsureLeadThreshold = false
    else if (model.unsureLeadThreshold > model.leadThreshold) model.unsureLeadThreshold = model.leadThreshold
  }
  return kept
}
