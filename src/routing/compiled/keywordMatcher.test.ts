import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createKeywordMatcher } from './keywordMatcher.js'

function found(patterns: string[], text: string): string[] {
  const matcher = createKeywordMatcher(patterns)
  const seen = new Int32Array(patterns.length)
  const ids: number[] = []
  matcher.scan(text, seen, 1, (id) => ids.push(id))
  return ids.map((id) => patterns[id]!).sort()
}

describe('createKeywordMatcher (Aho–Corasick over UTF-16 code units)', () => {
  test('overlapping and nested keywords, each reported once', () => {
    expect(found(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'hers', 'she'])
    expect(found(['a', 'aa', 'aaa', 'b'], 'aaaa')).toEqual(['a', 'aa', 'aaa'])
    expect(found(['过期', '过期食品', '食品', '期食'], '超市卖过期食品过期')).toEqual(['期食', '过期', '过期食品', '食品'])
    expect(found(['', 'x'], 'abc')).toEqual([]) // the empty keyword is the caller's business
  })

  test('the same as String.prototype.includes, surrogate halves and all (property test)', () => {
    const alphabet = fc.constantFrom('a', 'b', '食', '品', '\ud83d', '\ude00', 'Ａ')
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''))
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (patterns, text) => {
        expect(found(patterns, text)).toEqual(patterns.filter((p) => text.includes(p)).sort())
      }),
      { numRuns: 500 },
    )
  })

  test('an epoch already stamped means "already reported"', () => {
    const matcher = createKeywordMatcher(['ab', 'b'])
    const seen = new Int32Array(2)
    const ids: number[] = []
    matcher.scan('abab', seen, 7, (id) => ids.push(id))
    expect(ids.sort()).toEqual([0, 1])
    matcher.scan('abab', seen, 7, (id) => ids.push(id))
    expect(ids).toHaveLength(2)
  })
})
