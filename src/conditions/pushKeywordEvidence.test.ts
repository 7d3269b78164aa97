import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pushKeywordEvidence, type KeywordEvidence } from './operators.js'

// Small alphabets, so that equal evidence is generated often enough to matter.
const word = fc.constantFrom('水表', '年费', '信用卡', '超市')
const offsets = fc.array(fc.nat({ max: 3 }), { maxLength: 2 })
const together = fc.record({ term: word, terms: fc.array(word, { maxLength: 2 }), within: fc.constantFrom<number | 'clause'>(5, 'clause'), at: offsets })
const suppressed = fc.record({ keyword: word, at: fc.nat({ max: 2 }), by: word, byAt: fc.nat({ max: 2 }) })
const evidence: fc.Arbitrary<KeywordEvidence> = fc.record(
  {
    vocabulary: fc.constantFrom('a', 'b'),
    keywords: fc.array(word, { maxLength: 2 }),
    at: offsets,
    together: fc.array(together, { maxLength: 1 }),
    suppressed: fc.array(suppressed, { maxLength: 1 }),
    fact: fc.constant('respondentName'),
  },
  { requiredKeys: ['keywords'] },
)

/** The oracle: two evidences are the same when every field is (undefined fields left out). */
const same = (a: KeywordEvidence, b: KeywordEvidence) =>
  JSON.stringify([a.vocabulary, a.fact, a.keywords, a.at, a.together, a.suppressed]) === JSON.stringify([b.vocabulary, b.fact, b.keywords, b.at, b.together, b.suppressed])

describe('pushKeywordEvidence', () => {
  it('adds an evidence exactly when the list has no equal one, and keeps the first of equal ones', () => {
    fc.assert(
      fc.property(fc.array(evidence, { maxLength: 6 }), (all) => {
        const list: KeywordEvidence[] = []
        for (const e of all) pushKeywordEvidence(list, e)
        const expected: KeywordEvidence[] = []
        for (const e of all) if (!expected.some((x) => same(x, e))) expected.push(e)
        expect(list).toEqual(expected)
        for (let i = 0; i < list.length; i++) expect(list[i]).toBe(expected[i])
      }),
    )
  })

  it('tells apart evidences that differ only inside a together or suppressed entry', () => {
    const base: KeywordEvidence = { vocabulary: 'a', keywords: ['信用卡'], at: [0], together: [{ term: '信用卡…年费', terms: ['信用卡', '年费'], within: 'clause', at: [0, 5] }] }
    const list: KeywordEvidence[] = [base]
    pushKeywordEvidence(list, { ...base, together: [{ ...base.together![0]!, at: [0, 6] }] })
    pushKeywordEvidence(list, { ...base, suppressed: [{ keyword: '水表', at: 1, by: '汤水表面', byAt: 0 }] })
    pushKeywordEvidence(list, { ...base, together: [{ ...base.together![0]!, terms: ['信用卡', '年费'] }] })
    expect(list).toHaveLength(3)
  })
})
