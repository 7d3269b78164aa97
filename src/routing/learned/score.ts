/**
 * Scores a text with a decoded model: each class's probability, the most likely class, and what made it
 * most likely — the grams present that add most to that class, each with where it first occurs (an
 * explanation a clerk can read in the trace). Only grams the model knows are looked at (a gram with white
 * space or a separator is never one: features.ts), each once, as in training.
 */
import { MAX_GRAM } from './features.js'
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

interface Found {
  gram: string
  inRespondent: boolean
  at: number
  entry: { classes: Uint8Array; weights: Float64Array }
}

/** The model's grams present in the text and the name, each once, with their first offset. */
function present(model: DecodedWeights, text: string, respondent: string): Found[] {
  const out: Found[] = []
  const seen = new Set<string>()
  for (const [source, mark] of [[text, ''], [respondent, '@']] as const) {
    for (let n = 1; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= source.length; i++) {
        const key = mark + source.slice(i, i + n)
        const entry = model.grams.get(key)
        if (entry === undefined || seen.has(key)) continue
        seen.add(key)
        out.push({ gram: key.slice(mark.length), inRespondent: mark !== '', at: i, entry })
      }
    }
  }
  return out
}

export function scoreText(model: DecodedWeights, text: string, respondent: string): Scored {
  const K = model.K
  const z = Float64Array.from(model.bias)
  // Every complaint that falls back is scored: no object per gram, only the grams the model knows are kept.
  const seen = new Set<string>()
  add(model, text, '', z, seen)
  if (respondent !== '') add(model, respondent, '@', z, seen)
  normalize(z, K)
  let top = 0
  for (let k = 1; k < K; k++) if (z[k]! > z[top]!) top = k
  return { top, p: z[top]!, probabilities: z }
}

function add(model: DecodedWeights, source: string, mark: string, z: Float64Array, seen: Set<string>): void {
  const grams = model.grams
  for (let n = 1; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= source.length; i++) {
      const key = mark === '' ? source.slice(i, i + n) : mark + source.slice(i, i + n)
      const entry = grams.get(key)
      if (entry === undefined || seen.has(key)) continue
      seen.add(key)
      const classes = entry.classes
      const weights = entry.weights
      for (let j = 0; j < classes.length; j++) z[classes[j]!] = z[classes[j]!]! + weights[j]!
    }
  }
}

/** The `count` grams that add most to class `k`, largest first (ties by gram), with their offsets. */
export function contributions(model: DecodedWeights, text: string, respondent: string, k: number, count: number): Contribution[] {
  const out: Contribution[] = []
  for (const { gram, inRespondent, at, entry } of present(model, text, respondent)) {
    for (let j = 0; j < entry.classes.length; j++) {
      if (entry.classes[j] === k && entry.weights[j]! > 0) out.push({ gram, inRespondent, at, weight: entry.weights[j]! })
    }
  }
  out.sort((a, b) => b.weight - a.weight || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : Number(a.inRespondent) - Number(b.inRespondent)))
  return out.slice(0, count)
}
