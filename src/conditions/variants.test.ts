import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { createVariantNormalizer } from './variants.js'

describe('variants: forms the normaliser reads as another', () => {
  const normalize = createVariantNormalizer({ characters: { 電: '电', 業: '业', 墜: '坠' }, words: [{ from: '投拆', to: '投诉' }, { from: '退一陪三', to: '退一赔三' }] })
  test('traditional characters one for one, then words', () => {
    expect(normalize('電梯突然下墜，困住業主')).toBe('电梯突然下坠，困住业主')
    expect(normalize('我要投拆，退一陪三')).toBe('我要投诉，退一赔三')
  })
  test('an empty table is the identity', () => {
    expect(createVariantNormalizer(undefined)('電梯')).toBe('電梯')
    expect(createVariantNormalizer({ characters: {}, words: [] })('電梯')).toBe('電梯')
  })
  test('characters alone keep every offset (property)', () => {
    const chars = createVariantNormalizer({ characters: { 電: '电', 業: '业' }, words: [] })
    fc.assert(
      fc.property(fc.array(fc.constantFrom('電', '业', '業', 'a', '，', '梯'), { maxLength: 20 }).map((p) => p.join('')), (text) => {
        const out = chars(text)
        expect(out.length).toBe(text.length)
        expect(out).not.toMatch(/[電業]/)
      }),
    )
  })
})
