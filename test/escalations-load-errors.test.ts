/**
 * Every load-error code the deadline files introduce has a fixture under test/fixtures/invalid-escalations/,
 * named after the code, whose first line says where it must be reported: `# expect: <code> <line>:<col>`.
 * Each fixture replaces the real file of its kind in rules/, so everything else it needs is there.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import { formatIssue } from '../src/problems/issue.js'
import { parseRuleSet } from '../src/capabilities.js'
import { FIXTURES, RULES_DIR } from './fixtures.js'

const DIR = FIXTURES + 'invalid-escalations/'
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.yaml'))
const KIND_FILE: Record<string, string> = { deadlines: 'deadlines.yaml', escalation: 'escalation.yaml' }

async function loadWith(path: string, text: string) {
  const kind = /^kind: (\S+)/m.exec(text)?.[1] ?? ''
  const files = (await readRuleFiles(RULES_DIR)).filter((f) => f.path !== KIND_FILE[kind] && !f.path.startsWith('tests/escalations'))
  return parseRuleSet([...files, { path, text }])
}

describe('deadline and escalation files: each broken file is reported with its code and file:line:col', () => {
  test('the real rules load cleanly', async () => {
    const result = parseRuleSet(await readRuleFiles(RULES_DIR))
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i))).toEqual([])
    if (result.ok) {
      expect(result.value.deadlines!.deadlines.map((d) => d.id)).toEqual(['complaint-acceptance', 'mediation', 'mediation-end-notice', 'report-verification', 'reporter-notice', 'meeting-task'])
      expect(result.value.escalation!.levels.length).toBeGreaterThanOrEqual(5)
    }
  })

  test('there is a fixture for each code these kinds introduce', () => {
    expect(fixtures.map((f) => f.replace('.yaml', '')).sort()).toEqual(['deadline_missing', 'escalation_trigger_order', 'unknown_item_field'])
  })

  test.each(fixtures)('%s', async (name) => {
    const text = readFileSync(DIR + name, 'utf8')
    const [, code, line, col] = /^# expect: (\w+) (\d+):(\d+)/.exec(text) ?? []
    expect(code, 'fixture header').toBe(name.replace('.yaml', ''))
    const path = `invalid-escalations/${name}`
    const result = await loadWith(path, text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => i.code)).toEqual([code])
    expect(result.issues[0]).toMatchObject({ file: path, line: Number(line), col: Number(col), severity: 'error' })
    expect(result.issues[0].message).toMatch(/^第\d+行第\d+列：.*[\u4e00-\u9fff]/)
    expect(result.issues[0].messageEn.length).toBeGreaterThan(10)
  })
})

describe('other mistakes in these files use the shared codes, with positions', () => {
  const deadlines = readFileSync(RULES_DIR + 'deadlines.yaml', 'utf8')
  const escalation = readFileSync(RULES_DIR + 'escalation.yaml', 'utf8')

  test.each([
    ['a deadline id outside the contract', deadlines, 'id: mediation-end-notice', 'id: mediation-ending', 'invalid_value'],
    ['a deadline for the wrong item type', deadlines, 'appliesTo: report\n    onlyIf', 'appliesTo: complaint\n    onlyIf', 'invalid_value'],
    ['an event the item type lacks', deadlines, 'metBy: reporterNotifiedOn', 'metBy: partiesNotifiedOn', 'unknown_item_field'],
    ['a length and an until together', deadlines, 'until: dueOn', 'until: dueOn\n    length: 10', 'invalid_value'],
    ['a citation that does not resolve', deadlines, '{ doc: complaint-measures, seq: 14 }', '{ doc: complaint-measures, seq: 114 }', 'dangling_citation'],
    ['an actor that is nobody', escalation, 'actor: convener', 'actor: director', 'unknown_section'],
    ['a placeholder that names nothing', escalation, '已超期 {workingDaysLate} 个工作日；督促', '已超期 {daysLate} 个工作日；督促', 'unknown_fact'],
    ['a level id used twice', escalation, 'id: handling.assessment', 'id: handling.supervision', 'duplicate_rule_id'],
    ['a relativeTo the items lack', escalation, 'relativeTo: newDueOn', 'relativeTo: closedOn', 'unknown_item_field'],
    ['a misspelt trigger', escalation, 'trigger: { before: 2 }', 'trigger: { befor: 2 }', 'unknown_key'],
    ['a trigger both before and after', escalation, 'trigger: { after: 5 }', 'trigger: { after: 5, before: 1 }', 'invalid_value'],
  ] as const)('%s', async (_name, text, from, to, code) => {
    expect(text).toContain(from)
    const broken = text.replace(from, to)
    const path = text === deadlines ? 'deadlines.yaml' : 'escalation.yaml'
    const files = (await readRuleFiles(RULES_DIR)).filter((f) => f.path !== path && !f.path.startsWith('tests/escalations'))
    const result = parseRuleSet([...files, { path, text: broken }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues.find((i) => i.code === code)
    expect(issue, result.issues.map((i) => formatIssue(i)).join('\n')).toBeDefined()
    expect(issue!.file).toBe(path)
    // Reported on the line changed (or, for a change over two lines, one of them).
    const first = text.slice(0, text.indexOf(from)).split('\n').length
    expect(issue!.line).toBeGreaterThanOrEqual(first)
    expect(issue!.line).toBeLessThanOrEqual(first + to.split('\n').length - 1)
  })
})
