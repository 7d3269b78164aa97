import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { createTermFinder } from './findTerms.js'
import { createClassifier } from './classify.js'
import type { CategoryTaxonomy } from './types.js'

const at = { file: 'categories.yaml', line: 1, col: 1 }
const taxonomy: CategoryTaxonomy = {
  sources: [],
  categories: [
    { id: 'goods.appliance', name: '家用电器', parent: { id: 'goods', name: '商品' }, sections: ['consumer-protection'], cites: [{ seq: 3, item: 3 }], terms: ['家电', '家电商行', '电饭煲'], at },
    { id: 'services.online', name: '网络购物', parent: { id: 'services', name: '服务' }, sections: ['online-trade'], cites: [{ seq: 12, item: 2 }], terms: ['电商', '网店'], at },
    { id: 'services.bank', name: '银行业务', parent: { id: 'services', name: '服务' }, outOfScope: '金融监督管理部门', cites: [{ doc: 'complaint-measures', seq: 15, item: 1 }], terms: ['信用卡', '银行'], at },
  ],
}

describe('createTermFinder: left to right, the longest term at each position', () => {
  test('a term across a longer one is not counted (「电商」 across 「家电商行」)', () => {
    const finder = createTermFinder(['家电商行', '电商'])
    expect(finder.find('某家电商行').map((o) => o.id)).toEqual([0])
    expect(finder.find('电商平台').map((o) => o.id)).toEqual([1])
  })
  test('occurrences never overlap and lie in the text (property)', () => {
    const terms = ['ab', 'abc', 'bc', 'c', 'cab']
    const finder = createTermFinder(terms)
    fc.assert(
      fc.property(fc.stringMatching(/^[abcx]{0,30}$/), (text) => {
        const found = finder.find(text)
        for (let i = 0; i < found.length; i++) {
          const o = found[i]!
          expect(text.slice(o.start, o.end)).toBe(terms[o.id])
          if (i > 0) expect(o.start).toBeGreaterThanOrEqual(found[i - 1]!.end)
        }
      }),
    )
  })
})

describe('createTermFinder with keywords: one scan for the terms and a rule set\'s keywords', () => {
  test('finds the same terms as without keywords, and exactly the keywords `includes` finds (property)', () => {
    const terms = ['ab', 'abc', 'bc', 'c', 'cab', 'bc']
    const keywords = ['b', 'abc', 'ca', 'xb', '', 'cab', 'bb']
    const plain = createTermFinder(terms)
    const both = createTermFinder(terms, keywords)
    const text = fc.stringMatching(/^[abcx]{0,30}$/)
    fc.assert(
      fc.property(text, text, (first, second) => {
        const expected = (t: string) => keywords.flatMap((k, i) => (k !== '' && t.includes(k) ? [i] : []))
        const ids = (count: number) => [...both.keywordIds.subarray(0, count)].sort((a, b) => a - b)
        // As routing reads them: the text classified (keywords recorded), the respondent's name classified, then the keywords read.
        expect(both.find(first, true)).toEqual(plain.find(first))
        expect(both.find(second)).toEqual(plain.find(second))
        expect(ids(both.keywordsIn(first))).toEqual(expected(first))
        // A text not just classified: scanned for the keywords alone.
        expect(ids(both.keywordsIn(second))).toEqual(expected(second))
        expect(both.find(second, true)).toEqual(plain.find(second))
        expect(ids(both.keywordsIn(second))).toEqual(expected(second))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('createClassifier', () => {
  const classify = createClassifier(taxonomy)
  test('names the leaf with the most distinct terms, with the terms and their offsets', () => {
    const c = classify({ text: '在网店买的电饭煲坏了', respondent: '' })
    expect(c.id).toBe('goods.appliance')
    expect(c.terms).toEqual([{ term: '电饭煲', offset: 5, in: 'text' }])
    expect(c.parent).toEqual({ id: 'goods', name: '商品' })
  })
  test('the respondent’s name counts double', () => {
    expect(classify({ text: '网店客服不理人', respondent: '某某银行' }).id).toBe('services.bank')
  })
  test('an out-of-scope category names its authority', () => {
    expect(classify({ text: '信用卡年费', respondent: '' })).toMatchObject({ id: 'services.bank', outOfScope: '金融监督管理部门' })
  })
  test('no term: unclassified', () => {
    expect(classify({ text: '没有任何类别词', respondent: '' })).toEqual({ id: 'unclassified', name: '未分类', terms: [] })
  })
  test('a tie goes to the leaf competent for the lead', () => {
    expect(classify({ text: '网店卖的电饭煲', respondent: '', lead: 'online-trade' }).id).toBe('services.online')
    expect(classify({ text: '网店卖的电饭煲', respondent: '', lead: 'consumer-protection' }).id).toBe('goods.appliance')
  })
  test('without a taxonomy every complaint is unclassified', () => {
    expect(createClassifier(undefined)({ text: '电饭煲', respondent: '' }).id).toBe('unclassified')
  })
})
