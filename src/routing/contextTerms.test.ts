/**
 * Terms that understand context (issue 10 item 2), on the default rules: together terms, variants and
 * the trace that says where every word is and which word suppressed another — on both evaluators.
 */
import { describe, expect, test } from 'vitest'
import { createEngine } from '../engine/createEngine.js'

const compiled = createEngine()
const reference = createEngine({ evaluator: 'reference' })
const complaint = (text: string) => ({ id: 'T-1', kind: 'complaint', receivedOn: '2026-05-11', text }) as const

describe('context-aware terms on the default rules', () => {
  test('信用卡……被收取年费 counts for 金融保险服务 as 「信用卡…年费」, with where its terms are', async () => {
    for (const engine of [compiled, reference]) {
      const decision = await engine.routeComplaint(complaint('信用卡没用过却被收取了年费六百元，要求退还'))
      expect(decision.disposition).toBe('reject')
      const finance = decision.trace.find((h) => h.rule === 'reject.finance')
      expect(finance?.effect).toBe('reject')
      expect(finance?.keywords).toEqual([
        { vocabulary: '金融保险服务', keywords: ['信用卡…年费'], at: [0], together: [{ term: '信用卡…年费', terms: ['信用卡', '年费'], within: 'clause', at: [0, 11] }] },
      ])
      expect(decision.confidenceReasons?.[0]?.message).toContain('「信用卡…年费」（位置 0、11，同一分句）')
    }
  })
  test('the two words in different clauses do not count together', () => {
    const decision = compiled.routeComplaintSync(complaint('我用信用卡在商场买的羽绒服，穿了一周就掉毛，商场说年费会员才能退'))
    expect(decision.trace.some((h) => h.rule === 'reject.finance')).toBe(false)
    expect(decision.disposition).toBe('route')
  })
  test('traditional characters are read as simplified (rules/variants.yaml): 電梯 is 电梯, offsets unchanged', () => {
    const decision = compiled.routeComplaintSync(complaint('我們小區的電梯突然下墜一層，困住了業主'))
    expect(decision.lead?.id).toBe('special-equipment')
    const hit = decision.trace.find((h) => h.effect === 'lead')!
    const evidence = hit.keywords.find((k) => k.keywords.includes('电梯'))!
    expect(evidence.at![evidence.keywords.indexOf('电梯')]).toBe('我們小區的電梯'.indexOf('電梯'))
  })
  test('a word inside a longer word of another meaning is named with the word that suppressed it, and where', () => {
    const decision = compiled.routeComplaintSync(complaint('饭店的汤水表面漂着纸巾，电子秤也缺斤少两'))
    const metrology = decision.trace.find((h) => h.section?.id === 'metrology')!
    expect(metrology.keywords[0]!.suppressed).toEqual([{ keyword: '水表', at: 4, by: '汤水表面', byAt: 3 }])
    expect(decision.confidenceReasons?.[0]?.message).toContain('「水表」（位置 4）在「汤水表面」（位置 3）里，不算')
    expect(decision.confidenceReasons?.[0]?.messageEn).toContain('"水表" (offset 4) not counted: inside "汤水表面" (offset 3)')
  })
})
