import { describe, expect, test } from 'vitest'
import { readRuleFiles } from '../node/readRuleFiles.js'
import { parseRuleSet } from '../capabilities.js'
import { RULES_DIR, shippedRuleText } from '../../test/fixtures.js'

const REAL = shippedRuleText('report.yaml')

/** Loads rules/ with report.yaml replaced by `text`. */
async function loadWith(text: string) {
  const files = (await readRuleFiles(RULES_DIR)).filter((f) => f.path !== 'report.yaml')
  return parseRuleSet([...files, { path: 'report.yaml', text }])
}

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; col: number } {
  const index = text.indexOf(needle)
  expect(index, needle).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, index).split('\n')
  return { line: before.length, col: before.at(-1)!.length + 1 }
}

describe('rules/report.yaml', () => {
  test('loads cleanly: five chapters with their basis, every setting with its basis', async () => {
    const result = await loadWith(REAL)
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([])
    if (!result.ok) return
    const report = result.value.report!
    expect(report.chapters.map((c) => c.id)).toEqual(['overview', 'handling', 'sections', 'hot-spots', 'appendix'])
    expect(report.settings.smallCellThreshold.value).toBe(5)
    for (const setting of Object.values(report.settings)) expect(setting.cites !== undefined || setting.setBy === 'bureau').toBe(true)
  })

  test.each([
    ['a setting with neither cites nor setBy', (t: string) => t.replace('  topCount:\n    value: 10\n    setBy: bureau\n', '  topCount:\n    value: 10\n'), 'missing_field', 'value: 10', 0],
    ['a pattern that does not compile', (t: string) => t.replace(String.raw`pattern: '(?<!\d)\d{17}[\dXx](?![\dXx])'`, "pattern: '\\d{17}[\\dXx'"), 'invalid_value', String.raw`'\d{17}[\dXx'`, 0],
    ['an example its pattern does not redact', (t: string) => t.replace('redacts: [联系电话13812345678', 'redacts: [联系电话12345'), 'invalid_value', '联系电话12345', 0],
    ['an example the pattern should keep', (t: string) => t.replace('keeps: [买了3瓶，共120元]', 'keeps: [订单号12345678]'), 'invalid_value', '订单号12345678', 0],
    ['a replacement with digits', (t: string) => t.replace('replacement: 〔号码〕', 'replacement: 〔号码1〕'), 'invalid_value', '〔号码1〕', 0],
    ['a missing chapter', (t: string) => t.replace(/  - id: appendix\n(.*\n){2}/, ''), 'missing_field', 'chapters:', 0],
    ['a dangling citation', (t: string) => t.replace('{ doc: complaint-measures, seq: 33 }, { doc: complaint-measures, seq: 35, item: 2 }]\n\n', '{ doc: complaint-measures, seq: 99 }]\n\n'), 'dangling_citation', 'seq: 99', -22],
  ])('%s is reported at its file:line:col', async (_name, edit, code, needle, colShift) => {
    const text = edit(REAL)
    expect(text).not.toBe(REAL)
    const result = await loadWith(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues[0]
    expect(issue.code).toBe(code)
    const at = positionOf(text, needle)
    expect(issue).toMatchObject({ file: 'report.yaml', line: at.line })
    if (colShift === 0) expect(issue.col).toBe(at.col)
    expect(issue.message).toMatch(/^第\d+行第\d+列：/)
    expect(issue.messageEn.length).toBeGreaterThan(10)
  })
})
