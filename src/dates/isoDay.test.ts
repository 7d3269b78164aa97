import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { civilOf, dayNumberOf, daysInMonth, isRealDate, toDayNumber, toIsoDate, weekdayOf } from './isoDay.js'

describe('isoDay', () => {
  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('2026-02-15')).toBe(Date.UTC(2026, 1, 15) / 86_400_000)
    expect(toIsoDate(toDayNumber('1900-03-01'))).toBe('1900-03-01')
    expect(toIsoDate(dayNumberOf(2024, 2, 29))).toBe('2024-02-29')
    expect(toIsoDate(dayNumberOf(2100, 2, 28) + 1)).toBe('2100-03-01') // 2100 is not a leap year
  })

  it('knows the weekday without a Date', () => {
    expect(weekdayOf(toDayNumber('2026-02-14'))).toBe(6) // 周六
    expect(weekdayOf(toDayNumber('2026-02-15'))).toBe(0) // 周日
    expect(weekdayOf(toDayNumber('2025-10-01'))).toBe(3) // 周三
  })

  it('agrees with Date.UTC on every day from 1900 to 2200', () => {
    const first = dayNumberOf(1900, 1, 1)
    const last = dayNumberOf(2200, 12, 31)
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const utc = new Date(day * 86_400_000)
        expect(toIsoDate(day)).toBe(utc.toISOString().slice(0, 10))
        expect(weekdayOf(day)).toBe(utc.getUTCDay())
        const { year, month, day: dayOfMonth } = civilOf(day)
        expect(dayNumberOf(year, month, dayOfMonth)).toBe(day)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('day arithmetic on ISO strings', () => {
  it('counts days and months without a Date', async () => {
    const { addDays, daysBetween, daysInMonth } = await import('./isoDay.js')
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2026, 12)).toBe(31)
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10)
    expect(daysBetween('2027-01-04', '2026-12-25')).toBe(-10)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('isRealDate reads the date by hand exactly as the pattern ^(\\d{4})-(\\d{2})-(\\d{2})$ does', () => {
    const byPattern = (value: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      if (!m) return false
      const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
      return !(y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) && d <= daysInMonth(y, mo)
    }
    const chars = fc.constantFrom('0', '1', '2', '9', '-', ' ', '/', '٣', '０', 'a', '\n')
    const near = fc.array(chars, { minLength: 8, maxLength: 12 }).map((cs) => cs.join(''))
    const dates = fc.tuple(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    fc.assert(fc.property(fc.oneof(near, dates, fc.string()), (value) => isRealDate(value) === byPattern(value)), { numRuns: 20_000 })
    for (const value of ['2026-02-29', '2024-02-29', '2026-13-01', '2026-1-01', '2026-01-01\n', ' 2026-01-01', '1899-12-31', '2200-12-31', '2201-01-01']) expect(isRealDate(value), value).toBe(byPattern(value))
  })
})
