/**
 * Where the terms of a list occur in a text, longest match first: an occurrence that lies inside a
 * longer occurrence of another term is not counted (「汽车」 inside 「汽车维修」, 「医院」 inside 「宠物医院」).
 */
import { createKeywordMatcher } from '../compiled/keywordMatcher.js'

export interface TermOccurrence {
  /** Index of the term in the list. */
  id: number
  start: number
  end: number
}

export interface TermFinder {
  /** Every occurrence not inside a longer one, by start offset. */
  find(text: string): TermOccurrence[]
}

export function createTermFinder(terms: readonly string[]): TermFinder {
  const matcher = createKeywordMatcher(terms)
  const seen = new Int32Array(terms.length)
  let epoch = 0
  return {
    find(text) {
      epoch = epoch === 0x7fffffff ? 1 : epoch + 1
      if (epoch === 1) seen.fill(0)
      const all: TermOccurrence[] = []
      matcher.scan(text, seen, epoch, (id) => {
        const term = terms[id]!
        for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) all.push({ id, start: at, end: at + term.length })
      })
      // Longest first, so a kept occurrence can only be covered by one kept before it.
      all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.id - b.id)
      const kept: TermOccurrence[] = []
      for (const o of all) {
        let inside = false
        for (const k of kept) {
          if (k.start <= o.start && o.end <= k.end && k.end - k.start > o.end - o.start) {
            inside = true
            break
          }
        }
        if (!inside) kept.push(o)
      }
      return kept.sort((a, b) => a.start - b.start || a.id - b.id)
    },
  }
}
