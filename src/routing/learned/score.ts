/**
 * Scores a text with a decoded model: each class's probability, the most likely class, and what made it
 * most likely — the grams present that add most to that class, each with where it first occurs (an
 * explanation a clerk can read in the trace).
 */
import { gramsOf } from './features.js'
import { normalize } from './fit.js'
import type { DecodedWeights } from './compact.js'

export interface Contribution {
  gram: string
  /** In the respondent's name rather than the text. */
  inRespondent: boolean
  /** The first offset in the normalised text (or name). */
  at: number
  weight: number
}

export interface Scored {
  /** The most likely class's index. */
  top: number
  p: number
  probabilities: Float64Array
}

export function scoreText(model: DecodedWeights, text: string, respondent: string): Scored {
  const K = model.K
  const z = Float64Array.from(model.bias)
  for (const gram of gramsOf(text, respondent)) {
    const entry = model.grams.get(gram)
    if (!entry) continue
    for (let j = 0; j < entry.classes.length; j++) z[entry.classes[j]!] = z[entry.classes[j]!]! + entry.weights[j]!
  }
  normalize(z, K)
  let top = 0
  for (let k = 1; k < K; k++) if (z[k]! > z[top]!) top = k
  return { top, p: z[top]!, probabilities: z }
}

/** The `count` grams that add most to class `k`, largest first (ties by gram), with their offsets. */
export function contributions(model: DecodedWeights, text: string, respondent: string, k: number, count: number): Contribution[] {
  const out: Contribution[] = []
  for (const gram of gramsOf(text, respondent)) {
    const entry = model.grams.get(gram)
    if (!entry) continue
    for (let j = 0; j < entry.classes.length; j++) {
      if (entry.classes[j] !== k || entry.weights[j]! <= 0) continue
      const inRespondent = gram.startsWith('@')
      const bare = inRespondent ? gram.slice(1) : gram
      out.push({ gram: bare, inRespondent, at: (inRespondent ? respondent : text).indexOf(bare), weight: entry.weights[j]! })
    }
  }
  out.sort((a, b) => b.weight - a.weight || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : Number(a.inRespondent) - Number(b.inRespondent)))
  return out.slice(0, count)
}
