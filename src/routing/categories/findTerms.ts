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

const byStartThenLongest = (a: TermOccurrence, b: TermOccurrence) => a.start - b.start || b.end - a.end || a.id - b.id

export function createTermFinder(terms: readonly string[]): TermFinder {
  const matcher = createKeywordMatcher(terms)
  const seen = new Int32Array(terms.length)
  let epoch = 0
  // One callback for the finder's life (no closure per call): it reads the text being scanned.
  let current = ''
  let all: TermOccurrence[] = []
  const found = (id: number) => {
    const term = terms[id]!
    for (let at = current.indexOf(term); at >= 0; at = current.indexOf(term, at + 1)) all.push({ id, start: at, end: at + term.length })
  }
  return {
    find(text) {
      epoch = epoch === 0x7fffffff ? 1 : epoch + 1
      if (epoch === 1) seen.fill(0)
      current = text
      all = []
      matcher.scan(text, seen, epoch, found)
      if (all.length === 0) return all
      // Forward maximum matching: left to right, the longest term at each position; a term that
      // overlaps one already taken is not counted (「家电商行」 is 家电 + 商行, not 电商).
      all.sort(byStartThenLongest)
      const kept: TermOccurrence[] = []
      let taken = -1
      for (let i = 0; i < all.length; i++) {
        const o = all[i]!
        if (o.start < taken) continue
        kept.push(o)
        taken = o.end
      }
      return kept
    },
  }
}
