import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { CLAUSE_MARKS, findTogether, hasKeyword, keywordEvidence, matchKeywords, togetherLabel, vocabularyLookup, type TogetherTerm } from './operators.js'
import { applyOperator, conditionHolds, explainCondition } from './evaluate.js'
import type { ConditionNode } from './schema.js'
import { createConditionEvaluator } from './referenceEngine.js'

const term = (terms: string[], within: number | 'clause'): TogetherTerm => ({ terms, within, label: togetherLabel(terms) })
const cardFee = term(['信用卡', '年费'], 'clause')

describe('together: terms that count only together', () => {
  test('「信用卡……被收取年费」 is one clause; a comma or 。 between the terms is not', () => {
    expect(findTogether('信用卡……被收取年费', cardFee, undefined)).toEqual([0, 8])
    expect(findTogether('信用卡没用过却被收取了年费六百元', cardFee, undefined)).toEqual([0, 11])
    expect(findTogether('用信用卡买的手机坏了,会员年费也没退', cardFee, undefined)).toBeUndefined()
    expect(findTogether('用信用卡买的手机。年费', cardFee, undefined)).toBeUndefined()
    // 、 lists inside a clause; a decimal point is not a clause mark.
    expect(findTogether('信用卡、年费', cardFee, undefined)).toEqual([0, 4])
    expect(findTogether('信用卡收了182.6元年费', cardFee, undefined)).toEqual([0, 11])
  })
  test('order does not matter; the leftmost group that fits is reported', () => {
    expect(findTogether('年费扣在信用卡上', cardFee, undefined)).toEqual([4, 0])
    expect(findTogether('信用卡。信用卡的年费', cardFee, undefined)).toEqual([4, 8])
  })
  test('within N: from the start of the first term to the end of the last', () => {
    const near = term(['信用卡', '年费'], 7)
    expect(findTogether('信用卡被扣年费', near, undefined)).toEqual([0, 5]) // 7 characters
    expect(findTogether('信用卡被多扣年费', near, undefined)).toBeUndefined() // 8
    expect(findTogether('信用卡，年费', near, undefined)).toEqual([0, 4]) // a window crosses clauses
  })
  test('a term inside a notInside word does not count', () => {
    expect(findTogether('汤水表面有秤', term(['水表', '秤'], 'clause'), ['汤水表面'])).toBeUndefined()
    expect(findTogether('家里水表和秤', term(['水表', '秤'], 'clause'), ['汤水表面'])).toEqual([2, 5])
  })
  test('the evidence names the together term, its terms and where they are', () => {
    const vocab = vocabularyLookup({ 金融: { keywords: ['贷款'], together: [cardFee] } })
    expect(matchKeywords('信用卡被收取年费', '金融', vocab)).toEqual({
      vocabulary: '金融',
      keywords: ['信用卡…年费'],
      at: [0],
      together: [{ term: '信用卡…年费', terms: ['信用卡', '年费'], within: 'clause', at: [0, 6] }],
    })
    expect(hasKeyword('信用卡被收取年费', '金融', vocab)).toBe(true)
    expect(hasKeyword('信用卡，年费', '金融', vocab)).toBe(false)
    expect(matchKeywords('信用卡，年费', '金融', vocab)).toEqual({ vocabulary: '金融', keywords: [] })
  })
  test('a notInside suppression names the longer word and where it starts', () => {
    const vocab = vocabularyLookup({ 计量: { keywords: ['水表', '秤'], notInside: ['汤水表面'] } })
    expect(matchKeywords('汤水表面有虫，秤也不准', '计量', vocab)).toEqual({
      vocabulary: '计量',
      keywords: ['秤'],
      at: [7],
      suppressed: [{ keyword: '水表', at: 1, by: '汤水表面', byAt: 0 }],
    })
  })
  test('explain and json-rules-engine agree with the evidence (property)', async () => {
    const vocab = vocabularyLookup({ v: { keywords: ['甲乙'], notInside: ['丙甲乙'], together: [term(['甲', '丁'], 'clause'), term(['乙', '丁'], 4)] } })
    const when = { all: [{ fact: 'text', operator: 'containsAny', value: 'v' }] }
    const evaluate = createConditionEvaluator([{ id: 'r', when }], vocab)
    const piece = fc.constantFrom('甲', '乙', '丙', '丁', '甲乙', '丙甲乙', '，', '。', '、', 'x', '……')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), async (text) => {
        const fired = (await evaluate({ text })).has('r')
        const trace = explainCondition(when, { text }, vocab)
        expect(trace.result).toBe(fired)
        expect(hasKeyword(text, 'v', vocab)).toBe(fired)
        const evidence = matchKeywords(text, 'v', vocab)
        expect(evidence.keywords.length > 0).toBe(fired)
        // Every offset is where its keyword or term is.
        evidence.keywords.forEach((k, i) => {
          if (!k.includes('…')) expect(text.startsWith(k, evidence.at![i]!)).toBe(true)
        })
        for (const t of evidence.together ?? []) t.terms.forEach((w, i) => expect(text.startsWith(w, t.at[i]!)).toBe(true))
        for (const s of evidence.suppressed ?? []) expect(text.startsWith(s.by, s.byAt) && text.startsWith(s.keyword, s.at)).toBe(true)
      }),
    )
  })
  test('findTogether is a brute-force search over all occurrences (property)', () => {
    const words = ['ab', 'b', 'c', 'ca']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', ',', '。', 'd'), { maxLength: 14 }).map((p) => p.join('')),
        fc.subarray(words, { minLength: 2, maxLength: 3 }),
        fc.oneof(fc.constant<'clause'>('clause'), fc.integer({ min: 1, max: 8 })),
        (text, terms, within) => {
          const t = term(terms, within)
          const occurrences = terms.map((w) => [...text.matchAll(new RegExp(w, 'g'))].map((m) => m.index!))
          // Brute force: any choice of one occurrence per term that fits.
          let any = false
          const pick = (i: number, chosen: number[]) => {
            if (any) return
            if (i === terms.length) {
              const from = Math.min(...chosen)
              const end = Math.max(...chosen.map((at, k) => at + terms[k]!.length))
              const fits = within === 'clause' ? ![...text.slice(from, end)].some((c) => CLAUSE_MARKS.includes(c)) : end - from <= within
              if (fits) any = true
              return
            }
            for (const at of occurrences[i]!) pick(i + 1, [...chosen, at])
          }
          pick(0, [])
          const found = findTogether(text, t, undefined)
          expect(found !== undefined).toBe(any)
          if (found) found.forEach((at, i) => expect(text.startsWith(terms[i]!, at)).toBe(true))
        },
      ),
    )
  })
  test('keywordEvidence gives the same from every keyword as from those a scan saw', () => {
    const text = '信用卡被收取年费，水表坏了'
    const all = ['水表', '电表', '贷款']
    expect(keywordEvidence(text, 'v', all, undefined, [cardFee])).toEqual(keywordEvidence(text, 'v', ['水表'], undefined, [cardFee]))
  })
})

describe('an explaining evaluation reads a text operator from its evidence', () => {
  test('fromEvidence gives the same answer as the operator itself, with guards and together terms', () => {
    const piece = fc.constantFrom('甲', '乙', '丙', '甲乙', '乙丙', '丙甲乙', '，', '。', 'x')
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))
    const words = fc.array(fc.constantFrom('甲', '乙', '甲乙', '乙丙', '丙甲'), { maxLength: 3 })
    fc.assert(
      fc.property(fc.oneof(text, fc.constant(undefined), fc.constant(7)), words, words, fc.boolean(), fc.constantFrom('containsAny', 'notContainsAny'), (t, keywords, guards, withTogether, operator) => {
        const vocab = vocabularyLookup({ v: { keywords, notInside: guards.length > 0 ? guards : undefined, together: withTogether ? [term(['甲', '丙'], 'clause')] : undefined } })
        for (const value of ['v', keywords]) {
          const trace = explainCondition({ fact: 'text', operator, value }, t === undefined ? {} : { text: t }, vocab)
          expect(trace.result).toBe(applyOperator(operator, t, value, vocab))
        }
      }),
    )
  })
})

describe('conditionHolds: the explaining evaluation without its trace', () => {
  test('the same answer as explainCondition(...).result on nested all/any/not over text and number facts', () => {
    const vocab = vocabularyLookup({ v: { keywords: ['甲', '乙丙'], notInside: ['甲乙'] } })
    const leaf = fc.oneof(
      fc.record({ fact: fc.constant('text'), operator: fc.constantFrom('containsAny', 'notContainsAny'), value: fc.constantFrom<unknown>('v', ['丙'], ['x', '甲']) }),
      fc.record({ fact: fc.constantFrom('years', 'missing'), operator: fc.constantFrom('greaterThan', 'lessThanInclusive', 'equal', 'notEqual'), value: fc.constantFrom<unknown>(3, 0, 'x', { fact: 'limit' }) }),
      fc.record({ fact: fc.constant('given'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
    )
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }), fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }), fc.record({ not: tie('node') })),
    }))
    const facts = fc.record({ text: fc.constantFrom('甲', '甲乙', '乙丙', '丙', ''), years: fc.constantFrom(0, 3, 3.5, 20), given: fc.boolean(), limit: fc.constantFrom(0, 3) })
    fc.assert(
      fc.property(node, facts, (n, f) => {
        expect(conditionHolds(n as ConditionNode, f, vocab)).toBe(explainCondition(n as ConditionNode, f, vocab).result)
      }),
      { numRuns: 1000 },
    )
  })
})
