/** The decoded weights of a rule set's model, decoded once per model object. */
import { decodeWeights, type DecodedWeights } from './compact.js'
import type { RoutingModel } from './types.js'

const decoded = new WeakMap<object, DecodedWeights | null>()

/** The decoded weights, or null when the model cannot be decoded (the loader has reported it). */
export function decodedModel(model: RoutingModel): DecodedWeights | null {
  let value = decoded.get(model)
  if (value === undefined) {
    const result = decodeWeights(model, model.classes.length)
    value = result.ok ? result.value : null
    decoded.set(model, value)
  }
  return value
}
