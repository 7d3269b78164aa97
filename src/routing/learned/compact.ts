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
  /** Quantised weights smaller than this many levels are dropped (1 keeps every non-zero one). */
  minLevel?: number
}

/**
 * Prunes and quantises a dense model into the compact form. Each feature's weights are first centred on
 * their median: adding one number to a feature's weight for every class changes no probability (softmax),
 * and a gram that points to one class then has one large weight and many near zero, which quantise to
 * nothing — fewer weights to store and to add up at every route.
 */
export function compactModel(dense: DenseModel, settings: PruneSettings): CompactWeights {
  const K = dense.classes.length
  const F = dense.features.length
  const model = { ...dense, weights: centred(dense.weights, F, K) }
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
  const minLevel = settings.minLevel ?? 1
  const grams: string[] = []
  const groups: string[] = []
  // In gram order, so the file diffs well and the order does not depend on float ties.
  const byGram = kept.slice().sort((a, b) => (model.features[a]! < model.features[b]! ? -1 : 1))
  for (const f of byGram) {
    let group = ''
    for (let k = 0; k < K; k++) {
      const q = Math.max(-LEVELS, Math.min(LEVELS, Math.round(model.weights[f * K + k]! / scale)))
      if (q !== 0 && Math.abs(q) >= minLevel) group += ALPHABET[k]! + ALPHABET[q + LEVELS]!
    }
    if (group === '') continue
    grams.push(model.features[f]!)
    groups.push(group)
  }
  return { scale, bias: Array.from(model.bias, round6), features: grams.join('|'), weights: groups.join(',') }
}

/** Each feature's K weights minus their median. */
function centred(weights: Float64Array, F: number, K: number): Float64Array {
  const out = new Float64Array(weights.length)
  const row = new Float64Array(K)
  for (let f = 0; f < F; f++) {
    for (let k = 0; k < K; k++) row[k] = weights[f * K + k]!
    row.sort()
    const median = K % 2 === 1 ? row[(K - 1) / 2]! : (row[K / 2 - 1]! + row[K / 2]!) / 2
    for (let k = 0; k < K; k++) out[f * K + k] = weights[f * K + k]! - median
  }
  return out
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

/**
 * The grams as a trie by UTF-16 code unit, in one typed array: node `TEXT_ROOT` starts the text's grams,
 * `RESPONDENT_ROOT` the respondent name's (`@`). The child of node `n` by code unit `c` is found in an
 * open-addressing table keyed by `n << 16 | c`, whose slot holds, side by side, the key (0 = empty) and one
 * packed number: the child node (bits 0–14), the feature a gram ending there is plus one (bits 15–29; 0 =
 * none) and whether the child has children (bit 30). Two numbers a slot keep the table half the size of
 * four (256 KB for the shipped model rather than 512 KB): scoring runs between the rules' own work, which
 * pushes the table out of the cache, and a smaller table misses less. Scoring walks a text through it
 * without making a string or a map lookup per gram (score.ts).
 */
export interface GramTrie {
  /** `SLOT` numbers a slot: the key, then the packed child | (feature + 1) << 15 | inner << 30. */
  table: Int32Array
  mask: number
  /** 32 − log2(slots): a slot is the high bits of a multiplicative hash. */
  shift: number
}

export const TEXT_ROOT = 1
export const RESPONDENT_ROOT = 2
export const SLOT = 2
/** The packed number's fields (see `GramTrie`). */
export const CHILD = 0x7fff
export const FEATURE_SHIFT = 15
export const INNER = 0x40000000
/**
 * Node numbers must fit in 15 bits (the packed key and the packed child): at most this many grams' characters. A
 * feature number plus one fits too: every gram ends at its own node, so there are fewer grams than nodes.
 */
const MAX_NODES = 0x7fff

/** The slot of `node`'s child by code unit `c` (its place in `table`), or -1. */
export function slotOf(trie: GramTrie, node: number, c: number): number {
  const key = (node << 16) | c
  const table = trie.table
  let slot = Math.imul(key, 0x9e3779b1) >>> trie.shift
  for (;;) {
    const k = table[slot * SLOT]!
    if (k === key) return slot * SLOT
    if (k === 0) return -1
    slot = (slot + 1) & trie.mask
  }
}

function buildTrie(grams: readonly string[]): GramTrie | { duplicate: number } | { tooMany: true } {
  // Count the nodes first (a set of prefixes), so the table is sized to them.
  const prefixes = new Set<string>()
  for (const g of grams) for (let j = 1; j <= g.length; j++) prefixes.add(g.slice(0, j))
  const nodes = prefixes.size + 3
  if (nodes > MAX_NODES) return { tooMany: true }
  let size = 16
  let bits = 4
  while (size < nodes * 2) {
    size *= 2
    bits++
  }
  const trie: GramTrie = { table: new Int32Array(size * SLOT), mask: size - 1, shift: 32 - bits }
  const table = trie.table
  /** Where each node is a child (its slot's place), to mark it inner when it gets a child. */
  const placeOf = new Int32Array(nodes).fill(-1)
  let next = 3
  for (let i = 0; i < grams.length; i++) {
    const gram = grams[i]!
    const respondent = gram.charCodeAt(0) === 64 // '@'
    let node = respondent ? RESPONDENT_ROOT : TEXT_ROOT
    let place = -1
    for (let j = respondent ? 1 : 0; j < gram.length; j++) {
      const c = gram.charCodeAt(j)
      place = slotOf(trie, node, c)
      if (place < 0) {
        const key = (node << 16) | c
        let slot = Math.imul(key, 0x9e3779b1) >>> trie.shift
        while (table[slot * SLOT] !== 0) slot = (slot + 1) & trie.mask
        place = slot * SLOT
        table[place] = key
        table[place + 1] = next
        placeOf[next] = place
        next++
        if (placeOf[node]! >= 0) table[placeOf[node]! + 1] = table[placeOf[node]! + 1]! | INNER
      }
      node = table[place + 1]! & CHILD
    }
    if (((table[place + 1]! >>> FEATURE_SHIFT) & CHILD) !== 0) return { duplicate: i }
    table[place + 1] = table[place + 1]! | ((i + 1) << FEATURE_SHIFT)
  }
  return trie
}

/**
 * A decoded model. Feature `f` is `features[f]`; its non-zero weights are `classOf[j]` / `level[j]` × `scale`
 * for j from `start[f]` to `start[f + 1]` (whole levels, so scoring adds small integers: score.ts).
 */
export interface DecodedWeights {
  K: number
  bias: Float64Array
  features: string[]
  start: Int32Array
  classOf: Uint8Array
  level: Int8Array
  scale: number
  trie: GramTrie
  /** Made once with the model, so scoring makes nothing per text (score.ts). */
  scratch: Scratch
}

/** "Seen in this text" marks (one number a feature, this text's `stamp`), the class sums and scores. */
export interface Scratch {
  marks: Int32Array
  stamp: number
  /** The sums of whole levels, per class. */
  sums: Int32Array
  z: Float64Array
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
  const level = new Int8Array(pairs)
  let at = 0
  for (let i = 0; i < grams.length; i++) {
    const gram = grams[i]!
    const group = groups[i]!
    const chars = gram.startsWith('@') ? gram.slice(1) : gram
    if (chars === '' || chars.length > 3 || /[\s|@]/.test(chars)) return { ok: false, field: 'features', zh: `第 ${i + 1} 个特征 "${gram}" 不是 1 到 3 个字。`, en: `feature ${i + 1} "${gram}" is not 1 to 3 characters.` }
    if (group.length === 0 || group.length % 2 !== 0) return { ok: false, field: 'weights', zh: `第 ${i + 1} 组权重 "${group}" 应是成对的字符。`, en: `weight group ${i + 1} "${group}" should be pairs of characters.` }
    start[i] = at
    for (let j = 0; j < group.length; j += 2) {
      const k = ALPHABET.indexOf(group[j]!)
      const q = ALPHABET.indexOf(group[j + 1]!) - LEVELS
      if (k < 0 || k >= classCount || q < -LEVELS) return { ok: false, field: 'weights', zh: `第 ${i + 1} 组权重 "${group}" 有无效的字符（类别须小于 ${classCount}）。`, en: `weight group ${i + 1} "${group}" has an invalid character (class must be below ${classCount}).` }
      classOf[at] = k
      level[at] = q
      at++
    }
  }
  start[grams.length] = at
  const trie = buildTrie(grams)
  if ('tooMany' in trie) return { ok: false, field: 'features', zh: `特征太多（字数超过 ${MAX_NODES}）；请减少 maxFeatures 后重新训练。`, en: `too many features (more than ${MAX_NODES} characters); train with a smaller maxFeatures.` }
  if ('duplicate' in trie) return { ok: false, field: 'features', zh: `特征 "${grams[trie.duplicate]}" 重复。`, en: `feature "${grams[trie.duplicate]}" is listed twice.` }
  return { ok: true, value: { K: classCount, bias: Float64Array.from(w.bias), features: grams, start, classOf, level, scale: w.scale, trie, scratch: { marks: new Int32Array(grams.length), stamp: 0, sums: new Int32Array(classCount), z: new Float64Array(classCount) } } }
}
