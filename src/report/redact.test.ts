import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { matchPartial } from './matchPartial.js'
import { createRespondentNormalizer } from './normalizeRespondent.js'
import { createRedactor } from './redact.js'
import type { ReportFile } from './schemas.js'
import { shippedRuleText } from '../../test/fixtures.js'

const report = parse(shippedRuleText('report.yaml')) as ReportFile
const redact = createRedactor(report.redaction)

describe('the redaction patterns of rules/report.yaml', () => {
  it.each([
    ['联系电话13812345678，谢谢', '联系电话〔电话〕，谢谢'],
    ['电话 +86 139-1234-5678', '电话 〔电话〕'],
    ['座机0571-87654321', '座机〔电话〕'],
    ['身份证号11010519491231002X', '身份证号〔身份证号〕'],
    ['卡号6222021234567890123', '卡号〔银行卡号〕'],
    ['卡号 6222 0212 3456 7890', '卡号 〔银行卡号〕'],
    ['订单号2026031512345', '订单号〔号码〕'],
    ['我住在人民路18号3栋2单元501室', '〔地址〕'],
    ['家住阳光花园5栋1单元302室', '〔地址〕'],
    ['我叫王小明，在超市买的', '〔姓名〕，在超市买的'],
    ['请张先生回电', '请〔姓名〕回电'],
  ])('%s → %s', (text, expected) => {
    expect(redact(text)).toBe(expected)
  })

  it.each(['本人在超市买的牛奶过期了', '买了3瓶，共120元', '2026-03-02 在12315热线反映', '人民路上的超市卖过期牛奶'])('keeps %s', (text) => {
    expect(redact(text)).toBe(text)
  })
})

describe('respondent names', () => {
  const normalize = createRespondentNormalizer(report.respondentNames.strip)
  it('merge across full-width letters, spaces, punctuation and company suffixes', () => {
    expect(new Set(['惠民超市有限公司', '惠民超市 ', '惠民超市（有限公司）', 'ＸＸ惠民超市'.replace('ＸＸ', '')].map(normalize))).toEqual(new Set(['惠民超市']))
    expect(normalize('ABC 超市')).toBe(normalize('ａｂｃ超市'))
    expect(normalize('鑫旺超市')).not.toBe(normalize('惠民超市'))
  })
})

describe('matchPartial (report scenarios)', () => {
  it('compares only the keys written; lists by length and item', () => {
    expect(matchPartial({ a: 1 }, { a: 1, b: 2 })).toEqual([])
    expect(matchPartial({ a: [{ x: 1 }] }, { a: [{ x: 1, y: 2 }] })).toEqual([])
    expect(matchPartial({ a: [1] }, { a: [1, 2] }).map((f) => f.message)).toEqual([expect.stringContaining('summary.a: 期望 1 项，实际 2 项')])
    expect(matchPartial({ a: { b: null } }, { a: { b: 0 } })).toEqual([{ path: 'summary.a.b', expected: null, actual: 0, message: 'summary.a.b: 期望 null，实际 0' }])
  })
})
