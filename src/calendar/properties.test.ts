import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { createCalendar } from './createCalendar.js'
import { dayNumberOf, toIsoDate } from '../dates/index.js'
import { provisionalFile, yearFiles } from './ruleFiles.testing.js'

const calendar = createCalendar({ years: yearFiles, provisionalHolidays: provisionalFile })

const dateBetween = (from: [number, number, number], to: [number, number, number]) =>
  fc.integer({ min: dayNumberOf(...from), max: dayNumberOf(...to) }).map(toIsoDate)

// Exact: starts up to 2025 and at most 200 working days stay inside the covered 2004..2026.
const exact = { date: dateBetween([2004, 1, 1], [2025, 12, 31]), n: fc.integer({ min: 0, max: 200 }), opts: {} }
// Provisional: 2004..2026 from data, later years from the provisional rules (their lunar and solar-term
// tables reach 2099; 2000 working days are about 8 years).
const provisional = {
  date: dateBetween([2004, 1, 1], [2090, 12, 31]),
  n: fc.integer({ min: 0, max: 2000 }),
  opts: { provisional: true },
}

describe.each([
  ['exact', exact],
  ['provisional', provisional],
])('properties (%s)', (_name, { date, n, opts }) => {
  it('addWorkingDays then workingDaysBetween round-trips, both ways', () => {
    fc.assert(
      fc.property(date, n, (a, count) => {
        const b = calendar.addWorkingDays(a, count, opts).date
        expect(calendar.workingDaysBetween(a, b, opts).days).toBe(count)
        expect(calendar.workingDaysBetween(b, a, opts).days).toBe(0 - count) // +0, not -0, for count 0
      }),
    )
  })

  it('for n >= 1 the result is a working day after the start, and the first such', () => {
    fc.assert(
      fc.property(date, n.filter((count) => count >= 1), (a, count) => {
        const b = calendar.addWorkingDays(a, count, opts).date
        expect(b > a).toBe(true)
        expect(calendar.isWorkingDay(b, opts)).toBe(true)
        expect(calendar.workingDaysBetween(a, calendar.addCalendarDays(b, -1), opts).days).toBe(count - 1)
      }),
    )
  })

  it('is strictly monotone in n', () => {
    fc.assert(
      fc.property(date, n, n, (a, n1, n2) => {
        fc.pre(n1 !== n2)
        const [low, high] = n1 < n2 ? [n1, n2] : [n2, n1]
        expect(calendar.addWorkingDays(a, low, opts).date < calendar.addWorkingDays(a, high, opts).date).toBe(true)
      }),
    )
  })

  it('workingDaysBetween adds up over consecutive spans', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        const ab = calendar.workingDaysBetween(a, b, opts).days
        const bc = calendar.workingDaysBetween(b, c, opts).days
        expect(ab + bc).toBe(calendar.workingDaysBetween(a, c, opts).days)
      }),
      { numRuns: 50 },
    )
  })

  it('countStartDay is one day fewer after a working start day', () => {
    fc.assert(
      fc.property(date, n, (a, count) => {
        const counted = calendar.addWorkingDays(a, count, { ...opts, countStartDay: true }).date
        const shift = count >= 1 && calendar.isWorkingDay(a, opts) ? 1 : 0
        expect(counted).toBe(calendar.addWorkingDays(a, count - shift, opts).date)
      }),
    )
  })
})

describe('bad inputs', () => {
  const anything = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constantFrom('2026-02-29', '2026-13-01', '0000-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00:00Z', '', null, undefined),
  )

  it('throw XiaobaoError, never a TypeError or a hang', () => {
    const calls: ((x: unknown, y: unknown) => unknown)[] = [
      (x) => calendar.isWorkingDay(x as string),
      (x, y) => calendar.isWorkingDay('2026-02-15', { provisional: y } as never),
      (x) => calendar.dayInfo(x as string),
      (x, y) => calendar.addWorkingDays(x as string, y as number),
      (x, y) => calendar.addWorkingDays('2026-02-15', x as number, y as never),
      (x, y) => calendar.workingDaysBetween(x as string, y as string),
      (x, y) => calendar.addCalendarDays(x as string, y as number),
      (x) => calendar.addCalendarDays('2026-02-15', x as number),
      (x, y) => calendar.yearDays(x as number, y as never),
    ]
    fc.assert(
      fc.property(fc.integer({ min: 0, max: calls.length - 1 }), anything, anything, (which, x, y) => {
        try {
          calls[which]!(x, y)
        } catch (error) {
          expect(error).toBeInstanceOf(XiaobaoError)
          expect(['invalid_input', 'calendar_coverage']).toContain((error as XiaobaoError).code)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
