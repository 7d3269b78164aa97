import { describe, expect, it } from 'vitest'
import { calendarFile, calendarProvisionalFile, type CalendarFile } from './schemas.js'
import { validateCalendarProvisional } from './validateCalendarProvisional.js'
import { validateCalendarYear } from './validateCalendarYear.js'
import { provisionalFile, yearFiles } from './ruleFiles.testing.js'

const file2026 = yearFiles.find((f) => f.year === 2026)!
const edit = (change: (file: CalendarFile) => void): CalendarFile => {
  const copy = structuredClone(file2026)
  change(copy)
  return copy
}
const codesAndPaths = (file: CalendarFile) => validateCalendarYear(file).map((i) => [i.code, i.severity, i.path])

describe('calendarFile schema', () => {
  it('accepts the real files and refuses unknown keys, impossible dates and a missing issue date', () => {
    expect(calendarFile.safeParse(file2026).success).toBe(true)
    expect(calendarFile.safeParse({ ...file2026, extra: 1 }).success).toBe(false)
    expect(calendarFile.safeParse(edit((f) => (f.holidays[1]!.to = '2026-02-30'))).success).toBe(false)
    expect(calendarFile.safeParse(edit((f) => (f.workdays[0]!.date = '2026/01/04'))).success).toBe(false)
    const { issuedOn: _issuedOn, ...sourceWithoutDate } = file2026.source
    expect(calendarFile.safeParse({ ...file2026, source: sourceWithoutDate }).success).toBe(false)
    const { number: _number, ...sourceWithoutNumber } = file2026.source
    expect(calendarFile.safeParse({ ...file2026, source: sourceWithoutNumber }).success).toBe(true)
    expect(calendarFile.safeParse({ ...file2026, workdays: undefined }).success).toBe(false)
  })

  it('provisional: refuses 02-29 and 13-01', () => {
    const withFrom = (from: string) => ({ ...provisionalFile, holidays: [{ name: 'x', from }] })
    expect(calendarProvisionalFile.safeParse(withFrom('02-29')).success).toBe(false)
    expect(calendarProvisionalFile.safeParse(withFrom('13-01')).success).toBe(false)
    expect(calendarProvisionalFile.safeParse(withFrom('12-31')).success).toBe(true)
  })
})

describe('validateCalendarYear', () => {
  it('finds a date outside the year', () => {
    expect(codesAndPaths(edit((f) => (f.holidays[2]!.from = '2025-04-04')))).toContainEqual([
      'calendar_date_outside_year',
      'error',
      ['holidays', 2, 'from'],
    ])
    expect(codesAndPaths(edit((f) => (f.workdays[1]!.date = '2027-02-13')))).toContainEqual([
      'calendar_date_outside_year',
      'error',
      ['workdays', 1, 'date'],
    ])
  })

  it('accepts a 元旦 arrangement beginning in the last days of the previous December', () => {
    const file2019: CalendarFile = {
      kind: 'calendar',
      year: 2019,
      source: { title: '国务院办公厅关于2019年部分节假日安排的通知', issuedOn: '2018-12-06' },
      holidays: [{ name: '元旦', from: '2018-12-30', to: '2019-01-01', days: 3 }],
      workdays: [{ date: '2018-12-29' }],
    }
    expect(validateCalendarYear(file2019)).toEqual([])
    expect(validateCalendarYear({ ...file2019, workdays: [{ date: '2018-12-22' }] }).map((i) => i.code)).toEqual([
      'calendar_date_outside_year',
    ])
  })

  it('finds a period that runs backwards or disagrees with its “共N天”', () => {
    expect(codesAndPaths(edit((f) => (f.holidays[1]!.to = '2026-02-13')))).toEqual([['invalid_period', 'error', ['holidays', 1, 'to']]])
    const issues = validateCalendarYear(edit((f) => (f.holidays[1]!.days = 8)))
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_period', ['holidays', 1, 'days']]])
    expect(issues[0]!.message).toContain('共8天')
    expect(issues[0]!.message).toContain('9 天')
  })

  it('warns about an implausibly long holiday', () => {
    const issues = validateCalendarYear(edit((f) => ((f.holidays[1]!.to = '2026-12-23'), delete f.holidays[1]!.days)))
    expect(issues.map((i) => [i.code, i.severity])).toContainEqual(['calendar_long_holiday', 'warning'])
  })

  it('finds a make-up day that is not a weekend day, with the weekday in the message', () => {
    const issues = validateCalendarYear(edit((f) => (f.workdays[1]!.date = '2026-02-13')))
    expect(issues.map((i) => [i.code, i.path])).toEqual([['calendar_makeup_not_weekend', ['workdays', 1, 'date']]])
    expect(issues[0]!.message).toContain('周五')
    expect(issues[0]!.messageEn).toContain('Friday')
  })

  it('finds a day both off and worked, overlapping periods and a make-up day written twice', () => {
    expect(codesAndPaths(edit((f) => (f.workdays[1]!.date = '2026-02-21')))).toEqual([
      ['calendar_date_conflict', 'error', ['workdays', 1, 'date']],
    ])
    expect(codesAndPaths(edit((f) => (f.holidays[6]!.from = '2026-09-27')))).toEqual([
      ['invalid_period', 'error', ['holidays', 6, 'days']],
      ['calendar_date_conflict', 'error', ['holidays', 6, 'from']],
    ])
    expect(codesAndPaths(edit((f) => f.workdays.push({ date: '2026-01-04' })))).toEqual([
      ['calendar_date_conflict', 'error', ['workdays', 6, 'date']],
    ])
  })

  it('every message is bilingual', () => {
    const issues = validateCalendarYear(edit((f) => ((f.workdays[0]!.date = '2026-01-02'), (f.holidays[0]!.from = '2025-06-01'))))
    expect(issues.length).toBeGreaterThan(1)
    for (const issue of issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
      expect(issue.messageEn).toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/)
    }
  })
})

describe('validateCalendarProvisional', () => {
  it('finds a backward period and an overlap', () => {
    const file = {
      ...provisionalFile,
      holidays: [
        { name: '国庆节', from: '10-03', to: '10-01' },
        { name: '元旦', from: '01-01' },
        { name: '新年', from: '01-01' },
      ],
    }
    expect(validateCalendarProvisional(file).map((i) => [i.code, i.path])).toEqual([
      ['invalid_period', ['holidays', 0, 'to']],
      ['calendar_date_conflict', ['holidays', 2, 'from']],
    ])
  })
})
