import { describe, expect, it } from 'vitest'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { createCalendar } from './createCalendar.js'
import { provisionalFile, yearFiles } from './ruleFiles.testing.js'
import type { CalendarFile } from './schemas.js'

/** The calendar as the lead will ship it: the YAML years over the package data, with provisional rules. */
const calendar = createCalendar({ years: yearFiles, provisionalHolidays: provisionalFile })
const packageOnly = createCalendar({ provisionalHolidays: provisionalFile })
const yamlOnly = createCalendar({ years: yearFiles, usePackageData: false })

function thrown(run: () => unknown): XiaobaoError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return error as XiaobaoError
  }
  throw new Error('expected a XiaobaoError')
}

const kinds = (cal: typeof calendar, dates: string[]) => dates.map((date) => cal.dayInfo(date).kind)
const datesFrom = (first: string, count: number) => Array.from({ length: count }, (_, i) => calendar.addCalendarDays(first, i))

describe.each([
  ['YAML over package data', calendar],
  ['package data only', packageOnly],
  ['YAML only', yamlOnly],
])('2025 and 2026 (%s)', (_name, cal) => {
  it('春节 2026: 2-15..2-23 off, Saturdays 2-14 and 2-28 worked', () => {
    expect(cal.dayInfo('2026-02-14')).toMatchObject({ working: true, kind: 'makeup-workday', provisional: false })
    expect(kinds(cal, datesFrom('2026-02-15', 9))).toEqual(Array(9).fill('holiday'))
    expect(cal.dayInfo('2026-02-21')).toMatchObject({ working: false, kind: 'holiday' })
    expect(cal.dayInfo('2026-02-24')).toEqual({ date: '2026-02-24', working: true, kind: 'workday', provisional: false })
    expect(cal.isWorkingDay('2026-02-28')).toBe(true)
    expect(cal.isWorkingDay('2026-03-01')).toBe(false)
  })

  it('国庆节、中秋节 2025: 10-01..10-08 off, 9-28 (Sun) and 10-11 (Sat) worked', () => {
    expect(kinds(cal, datesFrom('2025-10-01', 8))).toEqual(Array(8).fill('holiday'))
    expect(cal.dayInfo('2025-09-28').kind).toBe('makeup-workday')
    expect(cal.dayInfo('2025-10-11').kind).toBe('makeup-workday')
    expect(cal.dayInfo('2025-10-09').kind).toBe('workday')
  })

  it('中秋节 and 国庆节 2026: 9-25..9-27 and 10-01..10-07 off, 9-20 (Sun) and 10-10 (Sat) worked', () => {
    expect(kinds(cal, datesFrom('2026-09-25', 3))).toEqual(Array(3).fill('holiday'))
    expect(kinds(cal, datesFrom('2026-10-01', 7))).toEqual(Array(7).fill('holiday'))
    expect(cal.dayInfo('2026-09-20').kind).toBe('makeup-workday')
    expect(cal.dayInfo('2026-10-10').kind).toBe('makeup-workday')
    expect(cal.dayInfo('2026-10-08').kind).toBe('workday')
  })

  it.each([
    // 7 working days to accept a complaint (《市场监督管理投诉举报处理暂行办法》第十四条)
    ['2026-02-12', 7, '2026-02-28'], // Thu: 2-13, 2-14 (调休), then 2-24..2-28
    ['2026-02-13', 7, '2026-03-02'],
    ['2025-09-26', 7, '2025-10-13'], // 9-28 (调休), 9-29, 9-30, 10-09, 10-10, 10-11 (调休), 10-13
    ['2025-09-30', 7, '2025-10-16'],
    ['2026-09-30', 7, '2026-10-15'], // 10-08, 10-09, 10-10 (调休), 10-12..10-15
    ['2026-09-18', 7, '2026-09-29'], // 9-20 (调休), 9-21..9-24, then 9-25..9-27 off, 9-28, 9-29
    ['2026-12-30', 1, '2026-12-31'],
    ['2026-02-20', 0, '2026-02-20'],
  ])('addWorkingDays(%s, %i) → %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toEqual({ date: expected, provisional: false })
    expect(cal.workingDaysBetween(date, expected)).toEqual({ days: n, provisional: false })
  })
})

describe('createCalendar', () => {
  it('reports coverage: 2004..2026, 2025 and 2026 from YAML with their notices', () => {
    const coverage = calendar.coverage()
    expect(coverage.map((c) => c.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i))
    expect(coverage.filter((c) => c.from === 'yaml').map((c) => c.year)).toEqual([2025, 2026])
    expect(coverage.find((c) => c.year === 2026)).toEqual({
      year: 2026,
      from: 'yaml',
      source: { title: '国务院办公厅关于2026年部分节假日安排的通知', number: '国办发明电〔2025〕7号', issuedOn: '2025-11-04' },
    })
    expect(coverage.find((c) => c.year === 2024)).toEqual({ year: 2024, from: 'package' })
    expect(yamlOnly.coverage().map((c) => c.year)).toEqual([2025, 2026])
  })

  it('45 working days from 2026-11-20 reach into 2027, which no notice covers yet', () => {
    const error = thrown(() => calendar.addWorkingDays('2026-11-20', 45))
    expect(error.code).toBe('calendar_coverage')
    expect(error.issues[0].message).toContain('2027')
    expect(error.issues[0].message).toContain('rules/calendar/2027.yaml')
    expect(error.issues[0].message).toContain('国务院办公厅关于2027年部分节假日安排的通知')
    expect(error.issues[0].message).toContain('2004–2026')
    expect(error.issues[0].messageEn).toContain('rules/calendar/2027.yaml')
  })

  it('with { provisional: true } the same deadline is computed and marked provisional', () => {
    // Nov 23-30: 6, December: 23, then 2027 with only 1-01 off: 1-04..1-25 gives the other 16.
    expect(calendar.addWorkingDays('2026-11-20', 45, { provisional: true })).toEqual({ date: '2027-01-25', provisional: true })
    expect(calendar.workingDaysBetween('2026-11-20', '2027-01-25', { provisional: true })).toEqual({ days: 45, provisional: true })
    // A covered span stays exact even when provisional answers are accepted.
    expect(calendar.addWorkingDays('2026-02-12', 7, { provisional: true })).toEqual({ date: '2026-02-28', provisional: false })
  })

  it('provisional days: weekends and the statutory holidays, lunar ones and 清明 included, no make-up days', () => {
    expect(calendar.dayInfo('2027-05-01', { provisional: true })).toEqual({
      date: '2027-05-01',
      working: false,
      kind: 'holiday',
      holiday: '劳动节',
      provisional: true,
    })
    expect(calendar.dayInfo('2027-05-03', { provisional: true })).toMatchObject({ kind: 'workday', provisional: true })
    // 春节 2027: 除夕 2-5 and 正月初一至初三 2-6..2-8 (2-6, 2-7 a weekend: no day in lieu provisionally)
    expect(calendar.dayInfo('2027-02-05', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '春节', provisional: true })
    expect(calendar.dayInfo('2027-02-08', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '春节' })
    expect(calendar.dayInfo('2027-02-09', { provisional: true })).toMatchObject({ kind: 'workday' })
    expect(calendar.dayInfo('2027-04-05', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '清明节' })
    expect(calendar.dayInfo('2027-06-09', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '端午节' })
    expect(calendar.dayInfo('2027-09-15', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '中秋节' })
    // 中秋 2028 is 10-03, inside 国庆: named after both, no day added
    expect(calendar.dayInfo('2028-10-03', { provisional: true })).toMatchObject({ kind: 'holiday', holiday: '中秋节、国庆节' })
    expect(calendar.dayInfo('2028-10-04', { provisional: true })).toMatchObject({ kind: 'workday' })
    expect(thrown(() => calendar.isWorkingDay('2027-05-03')).code).toBe('calendar_coverage')
  })

  it('provisional rules do not reach past their lunar and solar-term tables', () => {
    const error = thrown(() => calendar.isWorkingDay('2100-06-01', { provisional: true }))
    expect(error.code).toBe('calendar_coverage')
    expect(error.message).toContain('2099')
  })

  it('provisional rules do not reach back before the text they rest on', () => {
    const error = thrown(() => calendar.isWorkingDay('2003-06-02', { provisional: true }))
    expect(error.code).toBe('calendar_coverage')
    expect(error.message).toContain('2025-01-01')
  })

  it('without provisional rules loaded, { provisional: true } is still a coverage error that says so', () => {
    const error = thrown(() => yamlOnly.isWorkingDay('2027-01-04', { provisional: true }))
    expect(error.code).toBe('calendar_coverage')
    expect(error.message).toContain('provisional.yaml')
  })

  it('any date touched in an uncovered year is an error, even one not counted', () => {
    expect(thrown(() => yamlOnly.workingDaysBetween('2024-12-31', '2025-01-02')).code).toBe('calendar_coverage')
    expect(thrown(() => calendar.addWorkingDays('2027-01-04', 0)).code).toBe('calendar_coverage')
    expect(thrown(() => calendar.workingDaysBetween('2027-01-04', '2027-01-04')).code).toBe('calendar_coverage')
  })

  it('countStartDay counts a working start day as day 1', () => {
    expect(calendar.addWorkingDays('2026-02-24', 1, { countStartDay: true }).date).toBe('2026-02-24')
    expect(calendar.addWorkingDays('2026-02-24', 1).date).toBe('2026-02-25')
    expect(calendar.addWorkingDays('2026-02-24', 7, { countStartDay: true }).date).toBe('2026-03-03') // 2-28 (调休) is day 5
    expect(calendar.addWorkingDays('2026-02-15', 1, { countStartDay: true }).date).toBe('2026-02-24') // a holiday does not count
    expect(calendar.addWorkingDays('2026-02-24', 0, { countStartDay: true }).date).toBe('2026-02-24')
  })

  it('workingDaysBetween is negative backwards and 0 for the same day', () => {
    expect(calendar.workingDaysBetween('2026-02-28', '2026-02-12')).toEqual({ days: -7, provisional: false })
    expect(calendar.workingDaysBetween('2026-02-15', '2026-02-15').days).toBe(0)
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-23').days).toBe(0)
  })

  it('knows the 2019 元旦 arrangement that began in December 2018 (package data)', () => {
    expect(calendar.dayInfo('2018-12-29')).toMatchObject({ kind: 'makeup-workday', note: '元旦调休上班' })
    expect(calendar.dayInfo('2018-12-31')).toMatchObject({ kind: 'holiday', holiday: '元旦' })
    expect(calendar.yearDays(2019).restDays[0]).toEqual({ date: '2018-12-30', name: '元旦' })
  })

  it('yearDays lists a notice’s rest days and make-up days', () => {
    const year = calendar.yearDays(2026)
    expect(year).toMatchObject({ year: 2026, from: 'yaml', provisional: false, source: { issuedOn: '2025-11-04' } })
    expect(year.restDays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7)
    expect(year.restDays[3]).toEqual({ date: '2026-02-15', name: '春节' })
    expect(year.makeupWorkdays).toEqual([
      { date: '2026-01-04', note: '元旦调休上班' },
      { date: '2026-02-14', note: '春节调休上班' },
      { date: '2026-02-28', note: '春节调休上班' },
      { date: '2026-05-09', note: '劳动节调休上班' },
      { date: '2026-09-20', note: '国庆节调休上班' },
      { date: '2026-10-10', note: '国庆节调休上班' },
    ])
    expect(packageOnly.yearDays(2026)).toMatchObject({ from: 'package', provisional: false })
    expect(packageOnly.yearDays(2026).source).toBeUndefined()
    expect(thrown(() => calendar.yearDays(2027)).code).toBe('calendar_coverage')
    const provisional = calendar.yearDays(2027, { provisional: true })
    expect(provisional).toMatchObject({ from: 'provisional', provisional: true, makeupWorkdays: [], basis: { effectiveFrom: '2025-01-01' } })
    expect(provisional.restDays.map((d) => d.date)).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'])
  })

  it('a YAML year replaces the package data for that year entirely', () => {
    const changed: CalendarFile = {
      ...yearFiles.find((f) => f.year === 2026)!,
      holidays: [{ name: '春节', from: '2026-02-16', to: '2026-02-20' }],
      workdays: [],
    }
    const cal = createCalendar({ years: [changed] })
    expect(cal.isWorkingDay('2026-02-14')).toBe(false) // no longer a make-up day
    expect(cal.isWorkingDay('2026-02-23')).toBe(true) // no longer off
    expect(cal.isWorkingDay('2026-10-01')).toBe(true) // the package's 国庆节 is gone too
    expect(cal.isWorkingDay('2025-10-01')).toBe(false) // other years keep the package data
  })

  it('addCalendarDays is plain date arithmetic', () => {
    expect(calendar.addCalendarDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(calendar.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(calendar.addCalendarDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(calendar.addCalendarDays('2027-06-01', 30)).toBe('2027-07-01') // no holiday data needed
    expect(thrown(() => calendar.addCalendarDays('1900-01-01', -1)).code).toBe('invalid_input')
  })

  it.each([
    ['a date that does not exist', () => calendar.isWorkingDay('2026-02-30')],
    ['a date in another format', () => calendar.dayInfo('2026/02/15')],
    ['a number for a date', () => calendar.addWorkingDays(20260215 as unknown as string, 1)],
    ['undefined for a date', () => calendar.workingDaysBetween(undefined as unknown as string, '2026-01-01')],
    ['a fractional n', () => calendar.addWorkingDays('2026-02-15', 1.5)],
    ['a negative n', () => calendar.addWorkingDays('2026-02-15', -1)],
    ['n beyond 10000', () => calendar.addWorkingDays('2026-02-15', 10001)],
    ['NaN', () => calendar.addWorkingDays('2026-02-15', Number.NaN)],
    ['Infinity', () => calendar.addWorkingDays('2026-02-15', Number.POSITIVE_INFINITY)],
    ['a string n', () => calendar.addWorkingDays('2026-02-15', '7' as unknown as number)],
    ['a misspelt option', () => calendar.isWorkingDay('2026-02-15', { provisonal: true } as never)],
    ['a non-boolean option', () => calendar.isWorkingDay('2026-02-15', { provisional: 'yes' } as never)],
    ['null options', () => calendar.isWorkingDay('2026-02-15', null as never)],
    ['countStartDay where it means nothing', () => calendar.workingDaysBetween('2026-02-15', '2026-02-16', { countStartDay: true } as never)],
    ['a year out of range', () => calendar.yearDays(1899)],
    ['a computed date past 2200', () => calendar.addCalendarDays('2200-12-01', 100)],
  ])('refuses %s with invalid_input', (_name, run) => {
    const error = thrown(run)
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].message).toMatch(/[\u4e00-\u9fff]/)
    expect(error.issues[0].messageEn).toMatch(/[A-Za-z]/)
  })

  it('names the parameter and the value received', () => {
    const error = thrown(() => calendar.addWorkingDays('2026-02-15', 1.5))
    expect(error.issues[0]).toMatchObject({ path: ['n'] })
    expect(error.issues[0].message).toContain('1.5')
  })

  it('refuses inconsistent or duplicate year files, with paths into the input', () => {
    const file2026 = yearFiles.find((f) => f.year === 2026)!
    const broken = { ...file2026, workdays: [{ date: '2026-02-13' }] }
    const error = thrown(() => createCalendar({ years: [broken] }))
    expect(error.code).toBe('calendar_makeup_not_weekend')
    expect(error.issues[0].path).toEqual(['years', 0, 'workdays', 0, 'date'])
    expect(thrown(() => createCalendar({ years: [file2026, file2026] })).issues[0].path).toEqual(['years', 1, 'year'])
    expect(thrown(() => createCalendar({ years: [{ ...file2026, year: '2026' } as never] })).issues[0].path).toEqual(['years', 0, 'year'])
    expect(thrown(() => createCalendar({ provisionalHolidays: { ...provisionalFile, holidays: [] } })).code).toBe('invalid_input')
    expect(thrown(() => createCalendar({ year: [] } as never)).issues[0].path).toEqual(['year'])
  })

  it('is fast: a 45-working-day deadline takes microseconds', () => {
    const runs = 20_000
    const started = performance.now()
    for (let i = 0; i < runs; i++) calendar.addWorkingDays('2026-09-10', 45)
    const microseconds = ((performance.now() - started) * 1000) / runs
    expect(microseconds).toBeLessThan(50)
  })
})
