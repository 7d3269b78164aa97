/**
 * The model's compact form, as it is written in rules/learned/routing-model.yaml: the features kept after
 * pruning (the grams whose largest weight is largest), one string joined by `|`; their weights quantised
 * to whole numbers from -31 to 31 (× `scale`), one string: per feature, pairs of characters (the class's
 * place in `classes`, the weight + 31), both from a 63-character alphabet, features joined by `,`. A zero
 * weight is not written. Plain text, so the file stays YAML, a diff stays readable and gzip does the rest.
 */
import type { DenseModel } from './fit.js'

export const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'
export const LEVELS = 31

export interface CompactWeights {
  scale: number
  bias: number[]
  features: string
  weights: string
}

export interface PruneSettings {
  /** How many features to keep (by largest absolute weight); 0 keeps every feature. */
  maxFeatures: number
}

/** Prunes and quantises a dense model into the compact form. */
export function compactModel(model: DenseModel, settings: PruneSettings): CompactWeights {
  const K = model.classes.length
  const F = model.features.length
  const strength = new Float64Array(F)
  for (let f = 0; f < F; f++) {
    let m = 0
    for (let k = 0; k < K; k++) m = Math.max(m, Math.abs(model.weights[f * K + k]!))
    strength[f] = m
  }
  let kept = model.features.map((_, f) => f)
  kept.sort((a, b) => strength[b]! - strength[a]! || a - b)
  if (settings.maxFeatures > 0) kept = kept.slice(0, settings.maxFeatures)
  let maxAbs = 0
  for (const f of kept) maxAbs = Math.max(maxAbs, strength[f]!)
  const scale = maxAbs > 0 ? round6(maxAbs / LEVELS) : 1
  const grams: string[] = []
  const groups: string[] = []
  // In gram order, so the file diffs well and the order does not depend on float ties.
  const byGram = kept.slice().sort((a, b) => (model.features[a]! < model.features[b]! ? -1 : 1))
  for (const f of byGram) {
    let group = ''
    for (let k = 0; k < K; k++) {
      const q = Math.max(-LEVELS, Math.min(LEVELS, Math.round(model.weights[f * K + k]! / scale)))
      if (q !== 0) group += ALPHABET[k]! + ALPHABET[q + LEVELS]!
    }
    if (group === '') continue
    grams.push(model.features[f]!)
    groups.push(group)
  }
  return { scale, bias: Array.from(model.bias, round6), features: grams.join('|'), weights: groups.join(',') }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

/** One step of the gram trie: the feature a gram ending here is (or -1), and the next characters. */
export interface GramNode {
  feature: number
  next: Map<number, GramNode> | null
}

/**
 * A decoded model. Feature `f` is `features[f]`; its non-zero weights are `classOf[j]` / `weight[j]` for j
 * from `start[f]` to `start[f + 1]`. The grams are also a trie by UTF-16 code unit (text grams and `@`
 * respondent grams apart), so scoring walks the text without making a string per gram.
 */
export interface DecodedWeights {
  K: number
  bias: Float64Array
  features: string[]
  start: Int32Array
  classOf: Uint8Array
  weight: Float64Array
  textTrie: Map<number, GramNode>
  respondentTrie: Map<number, GramNode>
}

/**
 * Decodes the compact form; a problem is returned as text (the kind's `load` reports it at its place in
 * the file) — never thrown.
 */
export function decodeWeights(w: CompactWeights, classCount: number): { ok: true; value: DecodedWeights } | { ok: false; field: 'features' | 'weights' | 'bias'; zh: string; en: string } {
  if (w.bias.length !== classCount) return { ok: false, field: 'bias', zh: `bias 应有 ${classCount} 个数（每类一个），实有 ${w.bias.length} 个。`, en: `bias should have ${classCount} numbers (one a class), not ${w.bias.length}.` }
  const grams = w.features === '' ? [] : w.features.split('|')
  const groups = w.weights === '' ? [] : w.weights.split(',')
  if (grams.length !== groups.length) return { ok: false, field: 'weights', zh: `weights 有 ${groups.length} 组，features 有 ${grams.length} 个，应一一对应。`, en: `weights has ${groups.length} groups but features has ${grams.length}; they must match one to one.` }
  let pairs = 0
  for (const group of groups) pairs += group.length >> 1
  const start = new Int32Array(grams.length + 1)
  const classOf = new Uint8Array(pairs)
  const weight = new Float64Array(pairs)
  const textTrie = new Map<number, GramNode>()
  const respondentTrie = new Map<number, GramNode>()
  let at = 0
  for (let i = 0; i < grams.length; i++) {
    const gram = grams[i]!
    const group = groups[i]!
    const inRespondent = gram.startsWith('@')
    const chars = inRespondent ? gram.slice(1) : gram
    if (chars === '' || chars.length > 3 || /[\s|@]/.test(chars)) return { ok: false, field: 'features', zh: `第 ${i + 1} 个特征 "${gram}" 不是 1 到 3 个字。`, en: `feature ${i + 1} "${gram}" is not 1 to 3 characters.` }
    if (group.length === 0 || group.length % 2 !== 0) return { ok: false, field: 'weights', zh: `第 ${i + 1} 组权重 "${group}" 应是成对的字符。`, en: `weight group ${i + 1} "${group}" should be pairs of characters.` }
    let node: GramNode | undefined
    let level = inRespondent ? respondentTrie : textTrie
    for (let c = 0; c < chars.length; c++) {
      const code = chars.charCodeAt(c)
      node = level.get(code)
      if (node === undefined) level.set(code, (node = { feature: -1, next: null }))
      if (c < chars.length - 1) level = node.next ??= new Map()
    }
    if (node!.feature >= 0) return { ok: false, field: 'features', zh: `特征 "${gram}" 重复。`, en: `feature "${gram}" is listed twice.` }
    node!.feature = i
    start[i] = at
    for (let j = 0; j < group.length; j += 2) {
      const k = ALPHABET.indexOf(group[j]!)
      const q = ALPHABET.indexOf(group[j + 1]!) - LEVELS
      if (k < 0 || k >= classCount || q < -LEVELS) return { ok: false, field: 'weights', zh: `第 ${i + 1} 组权重 "${group}" 有无效的字符（类别须小于 ${classCount}）。`, en: `weight group ${i + 1} "${group}" has an invalid character (class must be below ${classCount}).` }
      classOf[at] = k
      weight[at] = q * w.scale
      at++
    }
  }
  start[grams.length] = at
  return { ok: true, value: { K: classCount, bias: Float64Array.from(w.bias), features: grams, start, classOf, weight, textTrie, respondentTrie } }
}
