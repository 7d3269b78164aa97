/**
 * `hasKeyword` (src/conditions/operators.ts) for one fixed keyword set, on texts other than the complaint
 * text (which the rule set's one matcher scans): the respondent's name, say. The generic test tries every
 * keyword of the vocabulary with `includes`, one after another — for a vocabulary of bank names, a few
 * hundred tries per complaint, and more than the whole rest of the evaluation. Here one scan finds the
 * candidates, and each is checked exactly as `hasKeyword` checks it; the last answer is kept, since
 * several rules ask about the same name.
 */
import { createInterner } from './interner.js'
import { findTogether, occursOutside, type TogetherTerm } from '../../conditions/operators.js'
import { createKeywordMatcher } from './keywordMatcher.js'

/** Whether some keyword counts in `text`: the same answer as `hasKeyword(text, value, vocab)`. */
export type KeywordTester = (text: string) => boolean

export function createKeywordTester(keywords: readonly string[], guards: readonly string[] | undefined, together: readonly TogetherTerm[] | undefined): KeywordTester | undefined {
  // The empty keyword is in every text (hasKeyword says so): such a set keeps the generic test.
  if (keywords.includes('')) return undefined
  const terms = together ?? []
  const words: string[] = [...keywords]
  for (const term of terms) for (const word of term.terms) words.push(word)
  const interned = createInterner()
  const patterns = interned.words
  const idOf = (word: string) => interned.idOf(word)
  const keywordIds = Int32Array.from(keywords, idOf)
  const termIds = terms.map((term) => Int32Array.from(term.terms, idOf))
  if (patterns.includes('')) return undefined
  const matcher = createKeywordMatcher(patterns)
  const seen = new Int32Array(patterns.length)
  let epoch = 0
  const found = () => {}
  let lastText: string | undefined
  let lastResult = false
  return (text) => {
    if (text === lastText) return lastResult
    if (epoch === 0x7fffffff) {
      epoch = 0
      seen.fill(0)
    }
    const now = ++epoch
    matcher.scan(text, seen, now, found)
    let result = false
    // In the vocabulary's order, as hasKeyword tries them (the answer does not depend on the order).
    for (let i = 0; i < keywordIds.length && !result; i++) {
      if (seen[keywordIds[i]!] !== now) continue
      result = guards ? occursOutside(text, keywords[i]!, guards) : true
    }
    for (let t = 0; t < terms.length && !result; t++) {
      const need = termIds[t]!
      let all = true
      for (let k = 0; k < need.length && all; k++) all = seen[need[k]!] === now
      if (all && findTogether(text, terms[t]!, guards)) result = true
    }
    lastText = text
    lastResult = result
    return result
  }
}
