/**
 * Scores a text with a decoded model: each class's probability, the most likely class, and what made it
 * most likely — the grams present that add most to that class, each with where it first occurs (the
 * evidence a clerk reads in the `similar_cases_differ` warning). Only grams the model knows are looked at:
 * the text is walked through the model's gram trie by code unit (compact.ts: no string per gram), and each gram
 * counts once, as in training (features.ts).
 */
import { normalize } from './fit.js'
import { CHILD, FEATURE_SHIFT, INNER, RESPONDENT_ROOT, SLOT, TEXT_ROOT, type DecodedWeights, type Scratch } from './compact.js'

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

/** A model's scratch (compact.ts `Scratch`), with a fresh stamp for one text. */
function scratchOf(model: DecodedWeights): Scratch {
  const s = model.scratch
  if (++s.stamp === 0x7fffffff) {
    s.marks.fill(0)
    s.stamp = 1
  }
  return s
}

/**
 * Adds to `sums` the levels of every feature present in `source` (from `root`: the text's or the name's
 * trie), each once; with `found`, also records each feature with its first offset.
 */
function walk(model: DecodedWeights, root: number, source: string, s: Scratch, sums: Int32Array, found: number[] | undefined): void {
  const { trie, start, classOf, level } = model
  // The table's lookup (compact.ts slotOf) written out here, with its array in a local: this loop runs
  // for every character of every complaint.
  const { table, mask, shift } = trie
  const { marks, stamp } = s
  const n = source.length
  for (let i = 0; i < n; i++) {
    let node = root
    for (let j = i; j < n; j++) {
      const key = (node << 16) | source.charCodeAt(j)
      let slot = Math.imul(key, 0x9e3779b1) >>> shift
      let place = slot * SLOT
      let k = table[place]!
      while (k !== key && k !== 0) {
        slot = (slot + 1) & mask
        place = slot * SLOT
        k = table[place]!
      }
      if (k === 0) break
      const packed = table[place + 1]!
      const f = ((packed >>> FEATURE_SHIFT) & CHILD) - 1
      if (f >= 0 && marks[f] !== stamp) {
        marks[f] = stamp
        for (let w = start[f]!, end = start[f + 1]!; w < end; w++) sums[classOf[w]!] = sums[classOf[w]!]! + level[w]!
        if (found) found.push(f, i)
      }
      if ((packed & INNER) === 0) break
      node = packed & CHILD
    }
  }
}

/**
 * The class scores (logits) of a text, in the model's scratch (valid until the next call with this
 * model): the bias plus the weights of each gram present once.
 */
export function logits(model: DecodedWeights, text: string, respondent: string): Float64Array {
  const s = scratchOf(model)
  const { z, sums } = s
  sums.fill(0)
  walk(model, TEXT_ROOT, text, s, sums, undefined)
  if (respondent !== '') walk(model, RESPONDENT_ROOT, respondent, s, sums, undefined)
  const { bias, scale } = model
  for (let k = 0; k < z.length; k++) z[k] = bias[k]! + sums[k]! * scale
  return z
}

/** The most likely class (the first of equals). */
export function argmax(z: Float64Array, K: number): number {
  let top = 0
  for (let k = 1; k < K; k++) if (z[k]! > z[top]!) top = k
  return top
}

/**
 * The probability of class `k` from the scores, 1 / Σ exp(z_j − z_k), when it is at least `least`; else
 * 0, found as soon as the sum passes 1 / `least` (most texts where the model disagrees, it is unsure).
 */
export function probabilityAtLeast(z: Float64Array, K: number, k: number, least: number): number {
  const limit = 1 / least
  let sum = 0
  for (let j = 0; j < K; j++) {
    sum += Math.exp(z[j]! - z[k]!)
    if (sum > limit) return 0
  }
  return 1 / sum
}

export function scoreText(model: DecodedWeights, text: string, respondent: string): Scored {
  const K = model.K
  const z = Float64Array.from(logits(model, text, respondent))
  const top = argmax(z, K)
  normalize(z, K)
  return { top, p: z[top]!, probabilities: z }
}

/** The `count` grams that add most to class `k`, largest first (ties by gram), with their offsets. */
export function contributions(model: DecodedWeights, text: string, respondent: string, k: number, count: number): Contribution[] {
  const out: Contribution[] = []
  const { start, classOf, level, scale, features } = model
  const sums = new Int32Array(model.K)
  for (const [root, source, inRespondent] of [[TEXT_ROOT, text, false], [RESPONDENT_ROOT, respondent, true]] as const) {
    const found: number[] = []
    walk(model, root, source, scratchOf(model), sums, found)
    for (let n = 0; n < found.length; n += 2) {
      const f = found[n]!
      for (let j = start[f]!; j < start[f + 1]!; j++) {
        if (classOf[j] === k && level[j]! > 0) out.push({ gram: inRespondent ? features[f]!.slice(1) : features[f]!, inRespondent, at: found[n + 1]!, weight: level[j]! * scale })
      }
    }
  }
  out.sort((a, b) => b.weight - a.weight || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : Number(a.inRespondent) - Number(b.inRespondent)) || a.at - b.at)
  return out.slice(0, count)
}
