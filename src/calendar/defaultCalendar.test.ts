import { describe, expect, it } from 'vitest'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseBundledCalendar } from './bundledCalendar.generated.js'
import { checkCalendarInput } from './checkCalendarInput.js'
import { addWorkingDays, defaultCalendar, isWorkingDay, workingDaysBetween } from './index.js'

describe('the plain functions (default calendar: bundled rules/calendar over chinese-days data)', () => {
  it('compute from the package data, and do what their examples say', () => {
    expect(defaultCalendar()).toBe(defaultCalendar())
    expect(defaultCalendar().coverage()[0]).toEqual({ year: 2004, from: 'package' })
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(addWorkingDays('2025-09-26', 7).date).toBe('2025-10-13')
    expect(workingDaysBetween('2026-02-13', '2026-02-24').days).toBe(2)
  })

  it('rest on bundled rules that pass createCalendar\'s checks (the default calendar skips them, to keep zod out of a calendar-only bundle)', () => {
    const rules = parseBundledCalendar()
    expect(rules.years.length).toBeGreaterThan(0)
    expect(rules.provisional).toBeDefined()
    const input = { years: rules.years, provisionalHolidays: rules.provisional }
    expect(checkCalendarInput(input)).toEqual({ ...input, usePackageData: true })
  })

  it('refuse 2027 unless the caller opts into provisional dates (the bundled provisional rules)', () => {
    expect(() => addWorkingDays('2026-11-20', 45)).toThrow(XiaobaoError)
    expect(addWorkingDays('2026-11-20', 45, { provisional: true })).toEqual({ date: '2027-01-25', provisional: true })
  })

  it('do not depend on the time zone of the machine', () => {
    // Run under TZ=UTC, Asia/Shanghai and America/Los_Angeles; the answers are the same.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBeTypeOf('string')
    expect(addWorkingDays('2026-02-12', 7)).toEqual({ date: '2026-02-28', provisional: false })
    expect(isWorkingDay('2026-01-04')).toBe(true)
    expect(isWorkingDay('2026-01-01')).toBe(false)
  })
})
