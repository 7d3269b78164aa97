/**
 * Where the terms of a list occur in a text, read as a segmenter would: left to right, the longest
 * term at each position, so a term inside or across a longer one is not counted (「汽车」 inside
 * 「汽车维修」, 「医院」 inside 「宠物医院」, 「电商」 across 「家电商行」).
 */
import { createKeywordMatcher } from '../compiled/keywordMatcher.js'

export interface TermOccurrence {
  /** Index of the term in the list. */
  id: number
  start: number
  end: number
}

/**
 * Occurrences as parallel arrays, reused from text to text (the classifier runs for every complaint:
 * no object per occurrence). Entries `0 … length - 1` are valid.
 */
export class Occurrences {
  length = 0
  id = new Int32Array(16)
  start = new Int32Array(16)
  end = new Int32Array(16)

  push(id: number, start: number, end: number): void {
    if (this.length === this.id.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2)
        to.set(from)
        return to
      }
      this.id = grow(this.id)
      this.start = grow(this.start)
      this.end = grow(this.end)
    }
    this.id[this.length] = id
    this.start[this.length] = start
    this.end[this.length++] = end
  }

  /** Whether entry `a` comes before entry `b`: by start, the longer first, then by term index. */
  before(a: number, b: number): boolean {
    const { start, end, id } = this
    return start[a]! < start[b]! || (start[a] === start[b] && (end[a]! > end[b]! || (end[a] === end[b] && id[a]! < id[b]!)))
  }

  /** Copies entry `from` of `source` to the end. */
  copy(source: Occurrences, from: number): void {
    this.push(source.id[from]!, source.start[from]!, source.end[from]!)
  }
}

export interface TermFinder {
  /** Every occurrence not inside a longer one, by start offset. */
  find(text: string): TermOccurrence[]
  /** The same occurrences written into `into` (emptied first), without an object per occurrence. */
  findInto(text: string, into: Occurrences): void
}

export function createTermFinder(terms: readonly string[]): TermFinder {
  const matcher = createKeywordMatcher(terms)
  const seen = new Int32Array(terms.length)
  let epoch = 0
  // One callback for the finder's life (no closure per call): it reads the text being scanned.
  let current = ''
  const all = new Occurrences()
  const found = (id: number) => {
    const term = terms[id]!
    for (let at = current.indexOf(term); at >= 0; at = current.indexOf(term, at + 1)) all.push(id, at, at + term.length)
  }
  let order = new Int32Array(16)
  const findInto = (text: string, into: Occurrences) => {
    into.length = 0
    epoch = epoch === 0x7fffffff ? 1 : epoch + 1
    if (epoch === 1) seen.fill(0)
    current = text
    all.length = 0
    matcher.scan(text, seen, epoch, found)
    current = ''
    const n = all.length
    if (n === 0) return
    // Sorted by start, the longest first (insertion sort of indices: a text has a few occurrences; a
    // long one falls back to the library sort).
    if (order.length < n) order = new Int32Array(Math.max(n, order.length * 2))
    for (let i = 0; i < n; i++) order[i] = i
    if (n <= 64) {
      for (let i = 1; i < n; i++) {
        const x = order[i]!
        let j = i - 1
        while (j >= 0 && all.before(x, order[j]!)) {
          order[j + 1] = order[j]!
          j--
        }
        order[j + 1] = x
      }
    } else {
      const sorted = Array.from(order.subarray(0, n)).sort((a, b) => (all.before(a, b) ? -1 : all.before(b, a) ? 1 : 0))
      order.set(sorted)
    }
    // Forward maximum matching: left to right, the longest term at each position; a term that
    // overlaps one already taken is not counted (「家电商行」 is 家电 + 商行, not 电商).
    let taken = -1
    for (let i = 0; i < n; i++) {
      const o = order[i]!
      if (all.start[o]! < taken) continue
      into.copy(all, o)
      taken = all.end[o]!
    }
  }
  const scratch = new Occurrences()
  return {
    findInto,
    find(text) {
      findInto(text, scratch)
      const out: TermOccurrence[] = []
      for (let i = 0; i < scratch.length; i++) out.push({ id: scratch.id[i]!, start: scratch.start[i]!, end: scratch.end[i]! })
      return out
    },
  }
}
