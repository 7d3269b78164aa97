/**
 * The table path of `normalizeText` gives exactly `normalize('NFKC').toLowerCase()`: for every code unit
 * on its own, and for texts mixing table characters with the ones that send a text to the full path.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalizeText } from './normalizeText.js'

const full = (text: string) => text.normalize('NFKC').toLowerCase()

describe('normalizeText', () => {
  it('equals NFKC + lower case for every code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code)
      if (normalizeText(char) !== full(char)) expect.fail(`U+${code.toString(16)}`)
    }
  })

  it('equals NFKC + lower case on mixed texts (property)', () => {
    // Chinese, ASCII, full-width forms, punctuation, and what must take the full path: combining marks,
    // Hangul jamo, half-width katakana with voiced marks, Greek sigma, surrogate pairs and halves.
    const pieces = ['电', '梯', '汤', '水表', 'a', 'A', 'Z', '1', ' ', '\n', '，', '。', '、', 'Ａ', '１', '（', '）', '「', '…', '‰', '·', 'é', 'É', 'e\u0301', '\u0301', '\u3099', 'ｶ', 'ﾞ', 'ᄀ', '\u1161', '가', 'Σ', 'ς', '𠮷', '\ud842', 'ß', 'İ', '㈱', '①', '\u00a0', 'µ', 'ª', '\u302a', '\uf900']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('')
        expect(normalizeText(text)).toBe(full(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('returns a text that is already normal as it is', () => {
    const text = '在超市买的牛奶过期了, abc 123。'
    expect(normalizeText(text)).toBe(text)
  })
})
