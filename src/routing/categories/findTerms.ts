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
      // Forward maximum matching: left to right, the longest term at each position; a term that
      // overlaps one already taken is not counted (「家电商行」 is 家电 + 商行, not 电商).
      all.sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id)
      const kept: TermOccurrence[] = []
      let taken = -1
      for (const o of all) {
        if (o.start < taken) continue
        kept.push(o)
        taken = o.end
      }
      return kept.sort((a, b) => a.start - b.start || a.id - b.id)
    },
  }
}
