/**
 * `createKeywordTester` answers exactly as `hasKeyword`: plain keywords, `notInside` guards and terms that
 * count only together, on random texts over a small alphabet (so the words do occur), the same text asked
 * twice included.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hasKeyword, togetherLabel, type TogetherTerm, type VocabularyLookup } from '../../conditions/operators.js'
import { createKeywordTester } from './keywordTester.js'

const keywords = ['水表', '银行', '行长', '表', '卡年']
const guards = ['汤水表面', '银行卡']
const together: TogetherTerm[] = [
  { terms: ['信用卡', '年费'], within: 'clause', label: togetherLabel(['信用卡', '年费']) },
  { terms: ['卡', '费'], within: 4, label: togetherLabel(['卡', '费']) },
]
const vocabularies: Record<string, { keywords: string[]; notInside?: string[]; together?: TogetherTerm[] }> = {
  plain: { keywords },
  guarded: { keywords, notInside: guards },
  together: { keywords, notInside: guards, together },
}
const vocab = ((name: string) => vocabularies[name]?.keywords) as VocabularyLookup
vocab.notInside = (name) => vocabularies[name]?.notInside
vocab.together = (name) => vocabularies[name]?.together

describe('createKeywordTester', () => {
  it('equals hasKeyword (property)', () => {
    const testers = Object.fromEntries(Object.entries(vocabularies).map(([name, v]) => [name, createKeywordTester(v.keywords, v.notInside, v.together)!]))
    const text = fc.array(fc.constantFrom('汤', '水', '表', '面', '银', '行', '长', '卡', '信', '用', '年', '费', '，', 'x'), { maxLength: 16 }).map((a) => a.join(''))
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(vocabularies)), text, (name, t) => {
        expect(testers[name]!(t)).toBe(hasKeyword(t, name, vocab))
        expect(testers[name]!(t)).toBe(hasKeyword(t, name, vocab))
      }),
      { numRuns: 3000 },
    )
  })

  it('leaves a set with the empty keyword to the generic test', () => {
    expect(createKeywordTester(['', '银行'], undefined, undefined)).toBeUndefined()
  })
})
