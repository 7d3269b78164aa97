import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toDayNumber, toIsoDate } from './isoDay.js'
import { anniversaryOf, yearsBetween } from './years.js'

describe('yearsBetween: whole years by the anniversary, then a fraction', () => {
  test('the anniversary itself is exactly N years; the day after is more; the day before is less', () => {
    const days = fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2030-12-31') }).map(toIsoDate)
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const [y, m, d] = from.split('-').map(Number) as [number, number, number]
        if (m === 2 && d === 29) return true // no anniversary in most years
        const anniversary = `${y + n}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        const after = toIsoDate(toDayNumber(anniversary) + 1)
        const before = toIsoDate(toDayNumber(anniversary) - 1)
        expect(yearsBetween(from, anniversary)).toBe(n)
        expect(yearsBetween(from, after)).toBeGreaterThan(n)
        if (n > 0) expect(yearsBetween(from, before)).toBeLessThan(n)
      }),
      { numRuns: 1000 },
    )
  })

  test('29 February counts its anniversary as 28 February in a common year', () => {
    expect(yearsBetween('2020-02-29', '2023-02-28')).toBe(3)
    expect(yearsBetween('2020-02-29', '2023-03-01')).toBeGreaterThan(3)
  })

  test('an earlier end gives the negative of the reverse', () => {
    expect(yearsBetween('2024-03-01', '2023-03-01')).toBe(-1)
    expect(yearsBetween('2024-03-01', '2024-01-01')).toBeLessThan(0)
  })
})

describe('anniversaryOf', () => {
  test('the same day N years on, or the month\'s last day', () => {
    expect(anniversaryOf('2020-02-29', 3)).toBe('2023-02-28')
    expect(anniversaryOf('2020-02-29', 4)).toBe('2024-02-29')
    expect(anniversaryOf('2021-07-15', 0)).toBe('2021-07-15')
  })
})
