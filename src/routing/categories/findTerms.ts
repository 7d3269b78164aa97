/**
 * Where the terms of a list occur in a text, read as a segmenter would: left to right, the longest
 * term at each position, so a term inside or across a longer one is not counted (「汽车」 inside
 * 「汽车维修」, 「医院」 inside 「宠物医院」, 「电商」 across 「家电商行」).
 */
import { createInterner } from '../compiled/interner.js'
import { createKeywordMatcher } from '../compiled/keywordMatcher.js'

export interface TermOccurrence {
  /** Index of the term in the list. */
  id: number
  start: number
  end: number
}

export interface TermFinder {
  /**
   * Every occurrence not inside a longer one, by start offset. With `keywords`, the same scan also
   * records which of the finder's keywords occur in `text` (read back with `keywordsIn`).
   */
  find(text: string, keywords?: boolean): TermOccurrence[]
  /**
   * How many of the finder's keywords occur in `text`; their ids (each once, order unspecified) are the
   * first that many of `keywordIds`. From the last scan that recorded keywords when it was of this text,
   * else from a scan now. Valid until the next call of the finder. (A count and a shared array rather
   * than a tuple: destructuring one per complaint allocates an iterator wherever V8 does not optimise it.)
   */
  keywordsIn(text: string): number
  readonly keywordIds: Int32Array
}

const byStartThenLongest = (a: TermOccurrence, b: TermOccurrence) => a.start - b.start || b.end - a.end || a.id - b.id

/**
 * `keywords`: other patterns (a rule set's keywords) looked for in the same scan as the terms, so a
 * complaint's text is read once for both (the keyword matcher's semantics: each distinct keyword that
 * occurs, as `includes` finds it).
 */
export function createTermFinder(terms: readonly string[], keywords: readonly string[] = []): TermFinder {
  // One automaton over terms and keywords: a pattern that is both is one id with both meanings.
  const termOf: number[] = []
  const keywordOf: number[] = []
  const interned = createInterner(() => {
    termOf.push(-1)
    keywordOf.push(-1)
  })
  const patterns = interned.words
  const idOf = (pattern: string) => interned.idOf(pattern)
  // A repeated term is reported under its last index, as a matcher over the list itself did.
  for (let t = 0; t < terms.length; t++) termOf[idOf(terms[t]!)] = t
  for (let k = 0; k < keywords.length; k++) keywordOf[idOf(keywords[k]!)] = k
  const matcher = createKeywordMatcher(patterns)
  const seen = new Int32Array(patterns.length)
  let epoch = 0
  // One callback for the finder's life (no closure per call): it reads the text being scanned.
  let current = ''
  let all: TermOccurrence[] = []
  let recording = false
  let locating = true
  let keywordText: string | undefined
  const keywordIds = new Int32Array(keywords.length)
  let keywordCount = 0
  const found = (id: number) => {
    const k = keywordOf[id]!
    if (k >= 0 && recording) keywordIds[keywordCount++] = k
    const t = termOf[id]!
    if (t < 0 || !locating) return
    const term = patterns[id]!
    for (let at = current.indexOf(term); at >= 0; at = current.indexOf(term, at + 1)) all.push({ id: t, start: at, end: at + term.length })
  }
  const scan = (text: string, keywords: boolean, terms: boolean) => {
    epoch = epoch === 0x7fffffff ? 1 : epoch + 1
    if (epoch === 1) seen.fill(0)
    current = text
    all = []
    recording = keywords
    locating = terms
    if (keywords) {
      keywordText = text
      keywordCount = 0
    }
    matcher.scan(text, seen, epoch, found)
  }
  return {
    keywordIds,
    keywordsIn(text) {
      // Not the text the classifier just read: a scan for the keywords alone.
      if (keywordText !== text) scan(text, true, false)
      return keywordCount
    },
    find(text, keywords = false) {
      scan(text, keywords && keywordIds.length > 0, true)
      if (all.length === 0) return all
      // Forward maximum matching: left to right, the longest term at each position; a term that
      // overlaps one already taken is not counted (「家电商行」 is 家电 + 商行, not 电商).
      // The order is total (a term's id is its text), so any sort gives the same list; a few
      // occurrences are sorted in place, without the temporary array Array.prototype.sort makes.
      if (all.length > 16) all.sort(byStartThenLongest)
      else {
        for (let i = 1; i < all.length; i++) {
          const o = all[i]!
          let j = i
          while (j > 0 && byStartThenLongest(all[j - 1]!, o) > 0) {
            all[j] = all[j - 1]!
            j--
          }
          all[j] = o
        }
      }
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
