/**
 * The loader that knows no capability: kinds declared by capabilities, defining files before referring
 * ones whatever their order, `max` on a kind with one code, and every file's kind recorded.
 */
import { describe, expect, test } from 'vitest'
import { CAPABILITIES, parseRuleSet, parseRuleSetOrThrow } from '../src/capabilities.js'
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import { RULES_DIR } from './fixtures.js'

const files = await readRuleFiles(RULES_DIR)
const fileOf = (path: string) => files.find((f) => f.path === path)!

describe('the capabilities list', () => {
  test('every capability has a name, and no two declare the same kind or target', () => {
    const kinds = CAPABILITIES.flatMap((c) => c.kinds.map((k) => k.kind))
    const targets = CAPABILITIES.flatMap((c) => c.targets.map((t) => t.target))
    expect(new Set(kinds).size).toBe(kinds.length)
    expect(new Set(targets).size).toBe(targets.length)
    expect(CAPABILITIES.map((c) => c.name)).toEqual(['routing', 'calendar', 'meetings', 'escalations', 'report'])
  })

  test('every file of the rule set has its kind', () => {
    const ruleSet = parseRuleSetOrThrow(files)
    expect(ruleSet.files.filter((f) => f.kind === '')).toEqual([])
    expect(ruleSet.files.find((f) => f.path === 'procedures/joint-meeting.yaml')?.kind).toBe('procedure')
    expect(ruleSet.files.find((f) => f.path === 'calendar/2026.yaml')?.kind).toBe('calendar')
  })
})

describe('load order never matters', () => {
  test('a procedure that sorts after the meeting scenarios still defines the codes they name', () => {
    const moved = files.map((f) => (f.path === 'procedures/joint-meeting.yaml' ? { ...f, path: 'zz/joint-meeting.yaml' } : f))
    const scenarios = fileOf('tests/meetings.test.yaml')
    const broken = moved.map((f) => (f === scenarios ? { ...f, text: f.text.replace(/findings: \[([a-z.-]+)/, 'findings: [no.such-code') } : f))
    expect(broken).not.toEqual(moved)
    const result = parseRuleSet(broken)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['invalid_scenario'])
  })

  test('reversing the file order gives the same rule set, apart from the order of files', () => {
    const a = parseRuleSetOrThrow(files)
    const b = parseRuleSetOrThrow([...files].reverse())
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path).reverse())
    expect(Object.keys(b.articles).sort()).toEqual(Object.keys(a.articles).sort())
    expect(b.meetingProcedure).toEqual(a.meetingProcedure)
    expect(b.deadlines).toEqual(a.deadlines)
    expect(b.escalation).toEqual(a.escalation)
    expect(b.calendar).toEqual(a.calendar)
    expect(b.report).toEqual(a.report)
  })
})

describe('only one file of a kind with a max', () => {
  test.each(['config.yaml', 'procedures/joint-meeting.yaml', 'deadlines.yaml', 'escalation.yaml', 'calendar/provisional.yaml', 'report.yaml'])('a second %s is one duplicate_file error at its kind', (path) => {
    const original = fileOf(path)
    const copy = { path: `zz-copy/${path.split('/').pop()}`, text: original.text }
    const result = parseRuleSet([...files, copy])
    expect(result.ok).toBe(false)
    if (result.ok) return
    const line = original.text.split('\n').findIndex((l) => l.startsWith('kind:')) + 1
    expect(result.issues).toMatchObject([{ code: 'duplicate_file', file: copy.path, line, col: 7 }])
    expect(result.issues[0].message).toContain(`已有 ${path}:${line}`)
    expect(result.issues[0]).toMatchObject({ kind: original.text.match(/^kind: (\S+)/m)![1], max: 1, earlier: { file: path, line } })
  })
})
