import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { highlightKeywords } from './highlight.js'

describe('highlightKeywords', () => {
  test('marks every occurrence, keeps the original text', () => {
    expect(highlightKeywords('超市的牛奶过期了，超市不退', ['超市', '过期'])).toEqual([
      { text: '超市', keywords: ['超市'] },
      { text: '的牛奶', keywords: [] },
      { text: '过期', keywords: ['过期'] },
      { text: '了，', keywords: [] },
      { text: '超市', keywords: ['超市'] },
      { text: '不退', keywords: [] },
    ])
  })

  test('matches full-width and upper-case text as the rules do (NFKC, lower case)', () => {
    const segments = highlightKeywords('买的ＡＰＰ会员卡', ['app'])
    expect(segments).toEqual([
      { text: '买的', keywords: [] },
      { text: 'ＡＰＰ', keywords: ['app'] },
      { text: '会员卡', keywords: [] },
    ])
  })

  test('overlapping keywords split into segments that name both', () => {
    expect(highlightKeywords('预付卡余额', ['预付卡', '付卡余额'])).toEqual([
      { text: '预', keywords: ['预付卡'] },
      { text: '付卡', keywords: ['付卡余额', '预付卡'] },
      { text: '余额', keywords: ['付卡余额'] },
    ])
  })

  test('the segments always join back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string({ minLength: 0, maxLength: 3 })), (text, keywords) => {
        expect(highlightKeywords(text, keywords).map((s) => s.text).join('')).toBe(text)
      }),
    )
  })
})
