import { describe, expect, it } from 'vitest'
import type { Issue } from '../problems/issue.js'
import type { KindContext } from '../ruleset/capability.js'
import type { RuleSet } from '../capabilities.js'
import { issueAt, parseYamlSource } from '../ruleset/yamlSource.js'
import { calendarFileKinds } from './calendarFileKinds.js'
import { createCalendar } from './createCalendar.js'
import { ruleTexts } from './ruleFiles.testing.js'

/** Loads calendar files the way the loader does: parse, schema, then the kind's `load`. */
function load(files: Record<string, string>): { ruleSet: RuleSet; issues: Issue[] } {
  const ruleSet = {} as RuleSet
  const issues: Issue[] = []
  for (const [file, text] of Object.entries(files)) {
    const parsed = parseYamlSource(file, text)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    const { source } = parsed
    const value = source.value as { kind: string }
    const module = calendarFileKinds.find((kind) => kind.kind === value.kind)!
    const ctx = {
      file,
      issueAt: (path, code, message, messageEn, options) => issueAt(source, path, code, message, messageEn, options),
    } as KindContext
    issues.push(...module.load(module.schema.parse(value), ruleSet, ctx))
  }
  return { ruleSet, issues }
}

const real = {
  'calendar/2025.yaml': ruleTexts['2025.yaml'],
  'calendar/2026.yaml': ruleTexts['2026.yaml'],
  'calendar/provisional.yaml': ruleTexts['provisional.yaml'],
}

describe('calendarFileKinds', () => {
  it('loads rules/calendar into ruleSet.calendar, ready for createCalendar', () => {
    const { ruleSet, issues } = load(real)
    expect(issues).toEqual([])
    expect(ruleSet.calendar!.years.map((y) => y.year)).toEqual([2025, 2026])
    const calendar = createCalendar({ years: ruleSet.calendar!.years, provisionalHolidays: ruleSet.calendar!.provisional! })
    expect(calendar.addWorkingDays('2026-11-20', 45, { provisional: true })).toEqual({ date: '2027-01-25', provisional: true })
  })

  it('points at the line of a make-up day that is not a weekend day', () => {
    const text = real['calendar/2026.yaml'].replace('{ date: "2026-02-28", note: 春节调休上班 }', '{ date: "2026-02-27", note: 春节调休上班 }')
    const { ruleSet, issues } = load({ 'calendar/2026.yaml': text })
    const line = text.split('\n').findIndex((l) => l.includes('2026-02-27')) + 1
    expect(issues).toMatchObject([{ code: 'calendar_makeup_not_weekend', file: 'calendar/2026.yaml', line, path: ['workdays', 2, 'date'] }])
    expect(issues[0]!.message).toMatch(new RegExp(`^第${line}行第\\d+列：workdays 第3项：调休上班日 2026-02-27 是周五`))
    expect(ruleSet.calendar!.years).toEqual([])
  })

  it('wants the file named after its year, and one file a year', () => {
    const { issues } = load({ 'calendar/2027.yaml': real['calendar/2026.yaml'] })
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_value', ['year']]])
    const twice = load({ 'calendar/2026.yaml': real['calendar/2026.yaml'], 'other/2026.yaml': real['calendar/2026.yaml'] })
    expect(twice.issues.map((i) => i.code)).toEqual(['invalid_value'])
  })
})
