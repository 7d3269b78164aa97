/**
 * The joint-meeting capability end to end: broken procedure files reported with file:line:col, the
 * bundled rules, scenario coverage of every check, and `xiaobao check-meeting`.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { createEngine } from '../src/engine/createEngine.js'
import { formatIssue } from '../src/problems/issue.js'
import { parseRuleSet } from '../src/capabilities.js'
import { baseFiles, FIXTURES, RULES_DIR, runCli } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname
const ARTICLES = { path: 'articles/implementation-measures.yaml', text: readFileSync(RULES_DIR + 'articles/implementation-measures.yaml', 'utf8') }
const PROCEDURE = { path: 'procedures/joint-meeting.yaml', text: readFileSync(RULES_DIR + 'procedures/joint-meeting.yaml', 'utf8') }
const SCENARIOS = { path: 'tests/meetings.test.yaml', text: readFileSync(RULES_DIR + 'tests/meetings.test.yaml', 'utf8') }

const run = runCli

describe('each broken procedure file is reported with its code, file:line:col and a Chinese message', () => {
  const invalid = readdirSync(FIXTURES + 'invalid-meetings').filter((f) => f.endsWith('.yaml'))

  test('the base fixture with the articles and the real procedure is valid', async () => {
    const result = parseRuleSet([...(await baseFiles()), ARTICLES, PROCEDURE, SCENARIOS])
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i))).toEqual([])
  })

  test.each(invalid)('%s', async (name) => {
    const text = readFileSync(FIXTURES + 'invalid-meetings/' + name, 'utf8')
    const [, code, line, col] = /^# expect: (\w+) (\d+):(\d+)/.exec(text) ?? []
    expect(name.startsWith(code!), 'fixture named after its code').toBe(true)
    const path = `invalid-meetings/${name}`
    const result = parseRuleSet([...(await baseFiles()), ARTICLES, { path, text }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    const issue = result.issues.find((i) => i.code === code)
    expect(issue, result.issues.map((i) => formatIssue(i)).join('\n')).toBeDefined()
    expect(issue).toMatchObject({ file: path, line: Number(line), col: Number(col), severity: 'error' })
    expect(issue!.message).toMatch(/^第\d+行第\d+列：.*[\u4e00-\u9fff]/)
    expect(issue!.messageEn.length).toBeGreaterThan(10)
  })

  test('a check code that is also a routing rule id is a duplicate', async () => {
    const text = PROCEDURE.text.replace('code: meeting.no-minutes', 'code: metrology.short-weight')
    const result = parseRuleSet([...(await baseFiles()), ARTICLES, { ...PROCEDURE, text }])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('duplicate_rule_id')
  })

  test('two procedure files', async () => {
    const result = parseRuleSet([...(await baseFiles()), ARTICLES, PROCEDURE, { path: 'procedures/copy.yaml', text: PROCEDURE.text }])
    expect(result.ok).toBe(false)
    const line = PROCEDURE.text.split('\n').indexOf('kind: procedure') + 1
    if (!result.ok) expect(result.issues).toMatchObject([{ code: 'duplicate_file', file: 'procedures/copy.yaml', line }])
  })
})

describe('the bundled rules', () => {
  test('createEngine() checks meetings without a rules folder', async () => {
    const record = parse(readFileSync(ROOT + 'examples/meeting-record.yaml', 'utf8'))
    expect(await createEngine().checkMeetingDecision(record)).toEqual({ compliant: true, findings: [], ruleSet: createEngine().ruleSet.provenance })
  })

  test('every check has at least two scenarios that expect it, and the compliant meeting is there', () => {
    const procedure = parse(PROCEDURE.text) as { checks: { code: string }[] }
    const file = parse(SCENARIOS.text) as { scenarios: { name: string; expect: { findings?: string[]; includes?: string[]; compliant?: boolean } }[] }
    const count = new Map<string, number>()
    for (const s of file.scenarios) for (const code of new Set([...(s.expect.findings ?? []), ...(s.expect.includes ?? [])])) count.set(code, (count.get(code) ?? 0) + 1)
    const thin = procedure.checks.map((c) => c.code).filter((code) => (count.get(code) ?? 0) < 2)
    expect(thin).toEqual([])
    expect(file.scenarios.some((s) => s.expect.compliant === true && s.expect.findings?.length === 0)).toBe(true)
  })

  test('every parameter is marked as the bureau’s setting or the regulation’s words, with both descriptions', () => {
    const procedure = parse(PROCEDURE.text) as { params: Record<string, { setBy: string; description: { zh: string; en: string } }> }
    expect(Object.keys(procedure.params).sort()).toEqual(['materialsLeadDays', 'minAttendanceRatio', 'topicLeadDays'])
    for (const p of Object.values(procedure.params)) {
      expect(p.setBy).toBe('bureau')
      expect(p.description.zh).toMatch(/原文/)
    }
  })
})

describe('xiaobao check-meeting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xiaobao-meeting-'))
  const example = readFileSync(ROOT + 'examples/meeting-record.yaml', 'utf8')

  test('--help, and in the command list', async () => {
    expect((await run(['check-meeting', '--help'])).out).toContain('xiaobao check-meeting')
    expect((await run(['--help'])).out).toContain('check-meeting')
  })

  test('a compliant record: exit 0', async () => {
    const r = await run(['check-meeting', 'examples/meeting-record.yaml'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('联席会议 JM-2026-03：符合程序')
  })

  test('findings in Chinese with their articles: exit 1', async () => {
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, example.replace('method: consensus', 'method: convener-alone').replace(/\nsummary:\n.*\n.*\n/, '\n'))
    const r = await run(['check-meeting', file])
    expect(r.code).toBe(1)
    expect(r.out).toContain('不符合程序（违规 1 项，提示 1 项）')
    expect(r.out).toContain('✗ 违规 [decision.by-convener-alone] decision.method')
    expect(r.out).toContain('依据：实施办法第十六条第2项（seq 25）：联席会议作出决定时,必须充分酝酿,集体讨论,协商决定。')
    expect(r.out).toContain('! 提示 [summary.not-issued] summary')
  })

  test('JSON in and out, with --rules', async () => {
    const file = join(dir, 'record.json')
    const record = parse(example)
    record.decision.method = 'majority-vote'
    writeFileSync(file, JSON.stringify(record))
    const r = await run(['check-meeting', file, '--json', '--rules', 'rules'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ compliant: false, findings: [{ code: 'decision.majority-vote', severity: 'violation', path: ['decision', 'method'] }] })
  })

  test('a bad record, bad JSON, bad YAML, no file: exit 2 with the reason', async () => {
    const bad = join(dir, 'unknown-section.yaml')
    writeFileSync(bad, example.replace('- advertising', '- education-bureau'))
    const r1 = await run(['check-meeting', bad])
    expect(r1.code).toBe(2)
    expect(r1.err).toContain('[invalid_input] meeting.attendees.10')
    writeFileSync(join(dir, 'broken.json'), '{ nope')
    expect(await run(['check-meeting', join(dir, 'broken.json')])).toMatchObject({ code: 2, err: expect.stringContaining('invalid_json') })
    writeFileSync(join(dir, 'broken.yaml'), 'meeting: [\n')
    expect(await run(['check-meeting', join(dir, 'broken.yaml')])).toMatchObject({ code: 2, err: expect.stringContaining('yaml_syntax') })
    expect(await run(['check-meeting', join(dir, 'missing.yaml')])).toMatchObject({ code: 2, err: expect.stringContaining('missing_file') })
    expect((await run(['check-meeting'])).code).toBe(2)
  })
})
