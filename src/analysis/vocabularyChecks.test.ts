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
})
