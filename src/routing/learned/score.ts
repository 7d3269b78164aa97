/**
 * Scores a text with a decoded model: each class's probability, the most likely class, and what made it
 * most likely — the grams present that add most to that class, each with where it first occurs (the
 * evidence a clerk reads in the `similar_cases_differ` warning). Only grams the model knows are looked at:
 * the text is walked through the model's gram trie by character code (no string per gram), and each gram
 * counts once, as in training (features.ts).
 */
import { normalize } from './fit.js'
import type { DecodedWeights, GramNode } from './compact.js'

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

/** Per model, a scratch of "seen in this text" marks (one number a feature), so no set is made per text. */
const scratch = new WeakMap<DecodedWeights, { marks: Int32Array; stamp: number }>()

function marksOf(model: DecodedWeights): { marks: Int32Array; stamp: number } {
  let s = scratch.get(model)
  if (s === undefined) scratch.set(model, (s = { marks: new Int32Array(model.features.length), stamp: 0 }))
  if (++s.stamp === 0x7fffffff) {
    s.marks.fill(0)
    s.stamp = 1
  }
  return s
}

/**
 * Calls `visit(feature, offset)` once per feature present in `source`, at its first offset, in the order
 * of first occurrence (by start, then length).
 */
function walk(trie: Map<number, GramNode>, source: string, marks: Int32Array, stamp: number, visit: (feature: number, at: number) => void): void {
  const n = source.length
  for (let i = 0; i < n; i++) {
    let node = trie.get(source.charCodeAt(i))
    for (let j = i + 1; node !== undefined; j++) {
      const f = node.feature
      if (f >= 0 && marks[f] !== stamp) {
        marks[f] = stamp
        visit(f, i)
      }
      if (node.next === null || j >= n) break
      node = node.next.get(source.charCodeAt(j))
    }
  }
}

export function scoreText(model: DecodedWeights, text: string, respondent: string): Scored {
  const K = model.K
  const z = Float64Array.from(model.bias)
  const { marks, stamp } = marksOf(model)
  const { start, classOf, weight } = model
  const add = (f: number): void => {
    for (let j = start[f]!, end = start[f + 1]!; j < end; j++) z[classOf[j]!] = z[classOf[j]!]! + weight[j]!
  }
  walk(model.textTrie, text, marks, stamp, add)
  if (respondent !== '') walk(model.respondentTrie, respondent, marks, stamp, add)
  normalize(z, K)
  let top = 0
  for (let k = 1; k < K; k++) if (z[k]! > z[top]!) top = k
  return { top, p: z[top]!, probabilities: z }
}

/** The `count` grams that add most to class `k`, largest first (ties by gram), with their offsets. */
export function contributions(model: DecodedWeights, text: string, respondent: string, k: number, count: number): Contribution[] {
  const out: Contribution[] = []
  const { start, classOf, weight, features } = model
  const { marks, stamp } = marksOf(model)
  for (const [trie, source, inRespondent] of [[model.textTrie, text, false], [model.respondentTrie, respondent, true]] as const) {
    walk(trie, source, marks, stamp, (f, at) => {
      for (let j = start[f]!; j < start[f + 1]!; j++) {
        if (classOf[j] === k && weight[j]! > 0) out.push({ gram: inRespondent ? features[f]!.slice(1) : features[f]!, inRespondent, at, weight: weight[j]! })
      }
    })
  }
  out.sort((a, b) => b.weight - a.weight || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : Number(a.inRespondent) - Number(b.inRespondent)) || a.at - b.at)
  return out.slice(0, count)
}
