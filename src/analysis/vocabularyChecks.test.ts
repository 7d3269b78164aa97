import { describe, expect, test } from 'vitest'
import { loadRuleSet } from '../node/loadRuleSet.js'
import { vocabularyChecks } from './vocabularyChecks.js'
import { RULES_DIR } from '../../test/fixtures.js'

const ruleSet = await loadRuleSet(RULES_DIR)

describe('vocabulary checks (issue 10)', () => {
  test('a keyword inside a word of another category is reported, and a notInside word silences it', () => {
    const found = vocabularyChecks(ruleSet, []).filter((f) => f.code === 'keyword_in_word_of_other_meaning')
    const dining = found.find((f) => f.message.includes('「餐饮场所」'))
    expect(dining?.message).toContain('粉店⊂奶粉店')
    const guarded = { ...ruleSet, vocabularies: { ...ruleSet.vocabularies, 餐饮场所: { ...ruleSet.vocabularies['餐饮场所']!, notInside: ['奶粉店'] } } }
    const again = vocabularyChecks(guarded, []).find((f) => f.code === 'keyword_in_word_of_other_meaning' && f.message.includes('「餐饮场所」'))
    expect(again?.message ?? '').not.toContain('粉店⊂奶粉店')
  })
  test('keywords no field text contains are listed only when there is a field corpus', () => {
    expect(vocabularyChecks(ruleSet, []).some((f) => f.code === 'keyword_never_in_field')).toBe(false)
    const never = vocabularyChecks(ruleSet, ['超市卖的牛奶过期了']).filter((f) => f.code === 'keyword_never_in_field')
    expect(never.length).toBeGreaterThan(0)
    expect(never.every((f) => f.severity === 'info')).toBe(true)
  })
  test('with a general word list: a keyword inside a common word of another meaning, unless notInside already names it', () => {
    expect(vocabularyChecks(ruleSet, []).some((f) => f.code === 'keyword_in_common_word')).toBe(false)
    const found = vocabularyChecks(ruleSet, [], ['存款单', '水表面', '电表演', '银行']).filter((f) => f.code === 'keyword_in_common_word')
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('「金融保险服务」的词出现在通用词表的其他词里：存款⊂存款单')])
    expect(found[0]!.severity).toBe('info')
  })
  test('a together term counts as one keyword: never in the field when no text has its terms together', () => {
    // (Only vocabularies that lead rules use are checked; 计量 is one. The shipped together terms are in screening.)
    const metrology = ruleSet.vocabularies['计量']!
    const withTogether = { ...ruleSet, vocabularies: { ...ruleSet.vocabularies, 计量: { ...metrology, together: [{ terms: ['秤', '少了'], within: 'clause' as const, label: '秤…少了' }] } } }
    const message = (texts: string[]) => vocabularyChecks(withTogether, texts).find((f) => f.code === 'keyword_never_in_field' && f.message.includes('「计量」'))?.message ?? ''
    expect(message(['秤上称的少了二两'])).not.toContain('秤…少了')
    expect(message(['买了一杆秤。回家一称少了'])).toContain('秤…少了')
  })
  test('a keyword written in a form the variants table maps away is a warning', () => {
    const written = { ...ruleSet, vocabularies: { ...ruleSet.vocabularies, 计量: { ...ruleSet.vocabularies['计量']!, keywords: [...ruleSet.vocabularies['计量']!.keywords, '電子秤'] } } }
    expect(vocabularyChecks(ruleSet, []).some((f) => f.code === 'keyword_not_in_normal_form')).toBe(false)
    const found = vocabularyChecks(written, []).filter((f) => f.code === 'keyword_not_in_normal_form')
    expect(found.map((f) => [f.severity, f.message])).toEqual([['warning', expect.stringContaining('電子秤→电子秤')]])
  })
})
