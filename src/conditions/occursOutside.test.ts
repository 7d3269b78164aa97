import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { matchKeywords, occursOutside, vocabularyLookup } from './operators.js'

describe('occursOutside: a keyword inside a longer word of another meaning is not a hit', () => {
  test('「水表」 inside 「汤水表面」 is not a hit; elsewhere it is', () => {
    expect(occursOutside('汤水表面漂着纸巾', '水表', ['汤水表面'])).toBe(false)
    expect(occursOutside('汤水表面漂着纸巾，家里水表也坏了', '水表', ['汤水表面'])).toBe(true)
    expect(occursOutside('家里水表坏了', '水表', ['汤水表面'])).toBe(true)
  })
  test('a guard that does not contain the keyword changes nothing', () => {
    expect(occursOutside('电表走得快', '电表', ['汤水表面'])).toBe(true)
  })
  test('matchKeywords honours the vocabulary’s notInside; an inline list has none', () => {
    const vocab = vocabularyLookup({ 计量: { keywords: ['水表', '秤'], notInside: ['汤水表面'] } })
    expect(matchKeywords('汤水表面有虫，秤也不准', '计量', vocab)).toEqual({ vocabulary: '计量', keywords: ['秤'], at: [7], suppressed: [{ keyword: '水表', at: 1, by: '汤水表面', byAt: 0 }] })
    expect(matchKeywords('汤水表面有虫', ['水表'], vocab)).toEqual({ keywords: ['水表'], at: [1] })
  })
  test('without guards it is String.prototype.includes (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ minLength: 1, maxLength: 4 }), (text, keyword) => {
        expect(occursOutside(text, keyword, [])).toBe(text.includes(keyword))
      }),
    )
  })
  test('a hit is never reported when every occurrence lies inside a guard (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ minLength: 1, maxLength: 3 }), fc.string({ maxLength: 6 }), fc.nat(3), (left, keyword, right, copies) => {
        const guard = left + keyword + right
        const text = Array.from({ length: copies + 1 }, () => guard).join('|')
        const elsewhere = text.split(guard).join('').includes(keyword)
        if (!elsewhere && !text.replaceAll(guard, '\u0000'.repeat(guard.length)).includes(keyword)) expect(occursOutside(text, keyword, [guard])).toBe(false)
      }),
    )
  })
})
