/**
 * The field corpus's hygiene (issue 10): every field text has its source, and no complaint is in it twice
 * (test/tools/nearDuplicates.ts) — a copy would count one complaint twice and, with one copy frozen, let the
 * frozen third see a tuned text. Stop 25 found 14 such copies (5 of them frozen) and dropped them.
 */
import { describe, expect, test } from 'vitest'
import { parseRuleSetOrThrow } from '../src/capabilities.js'
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import { RULES_DIR } from './fixtures.js'
import { nearDuplicates } from './tools/nearDuplicates.js'

const ruleSet = parseRuleSetOrThrow(await readRuleFiles(RULES_DIR))
const field = ruleSet.scenarios.filter((s) => s.at.file.startsWith('tests/field/') && typeof s.input.text === 'string')

describe('field corpus', () => {
  test('is the size the README reports, and every text names its source page', () => {
    expect(field.length).toBeGreaterThan(2000)
    expect(field.filter((s) => !s.source?.startsWith('http')).map((s) => s.input.id)).toEqual([])
  })

  test('holds no complaint twice (same page and similar, or near-identical from any page)', () => {
    const items = field.map((s) => ({ id: String(s.input.id ?? s.name), text: s.input.text as string, source: s.source }))
    expect(nearDuplicates(items)).toEqual([])
  })

  test('the check finds a copy: the same case rewritten, and a list page with two different cases passes', () => {
    const a = '我在某某超市买的酸奶喝了一口发现已经过期三天了，找超市理论，店员说小票丢了不给退，要求退一赔十。'
    const copy = '在某某超市买了酸奶，喝了一口才发现已经过期三天，去找超市理论，店员说没有小票不给退，要求退一赔十。'
    const other = '某某理发店办的会员卡还剩八百元，店突然关门了，老板电话打不通，要求退还卡里的余额。'
    const found = nearDuplicates([
      { id: 'A', text: a, source: 'https://example.org/cases' },
      { id: 'B', text: copy, source: 'https://example.org/cases/' },
      { id: 'C', text: other, source: 'https://example.org/cases' },
    ])
    expect(found.map((d) => [d.a, d.b, d.sameSource])).toEqual([['A', 'B', true]])
    expect(nearDuplicates([{ id: 'A', text: a }, { id: 'B', text: copy }]).length).toBe(1)
  })
})
