import { describe, expect, it } from 'vitest'
import packageJson from 'chinese-days/package.json' with { type: 'json' }
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import ourPackageJson from '../../package.json' with { type: 'json' }
import { isWeekend, toIsoDate } from '../dates/index.js'
import { buildPackageNotices, CHINESE_DAYS_VERSION, packageNotices } from './packageNotices.js'
import { HOLIDAY_TABLE_VERSION } from './holidayTable.generated.js'
import type { Notice } from './notice.js'

describe('chinese-days data', () => {
  it('is the pinned version', () => {
    expect(packageJson.version).toBe(CHINESE_DAYS_VERSION)
    expect(ourPackageJson.devDependencies['chinese-days']).toBe(CHINESE_DAYS_VERSION) // build time only: its data is inlined
  })

  it('covers exactly 2004..2026 (derived from its holiday entries)', () => {
    const years = packageNotices().map((notice) => notice.year)
    expect(years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i))
    const holidayYears = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))))
    expect([...holidayYears].sort()).toEqual(years)
  })

  it('is consistent: make-up days are weekend days and never rest days', () => {
    for (const notice of packageNotices()) {
      for (const day of notice.makeup.keys()) {
        expect(isWeekend(day), `${toIsoDate(day)} in ${notice.year}`).toBe(true)
        expect(notice.rest.has(day)).toBe(false)
      }
    }
  })

  it('puts a 元旦 arrangement that starts in December into the next year’s notice', () => {
    const days = (year: number) => {
      const notice = packageNotices().find((n) => n.year === year)!
      return { rest: [...notice.rest.keys()].map(toIsoDate).sort(), makeup: [...notice.makeup.keys()].map(toIsoDate).sort() }
    }
    // 2019 notice: 2018-12-30 to 2019-01-01 off, Saturday 2018-12-29 worked.
    expect(days(2019).rest.slice(0, 3)).toEqual(['2018-12-30', '2018-12-31', '2019-01-01'])
    expect(days(2019).makeup[0]).toBe('2018-12-29')
    expect(days(2018).rest.some((date) => date.startsWith('2018-12'))).toBe(false)
  })

  it('is built from the generated table exactly as from the package\'s JSON: the same notices, days, names and order', () => {
    const entries = (notices: Notice[]) => notices.map((n) => ({ ...n, rest: [...n.rest], makeup: [...n.makeup] }))
    const fromJson = buildPackageNotices(data as { holidays: Record<string, string>; workdays: Record<string, string> })
    expect(JSON.stringify(entries(packageNotices()))).toBe(JSON.stringify(entries(fromJson)))
    expect(entries(packageNotices())).toEqual(entries(fromJson))
    expect(HOLIDAY_TABLE_VERSION).toBe(CHINESE_DAYS_VERSION)
  })

  it('refuses data it does not understand', () => {
    expect(() => buildPackageNotices({ holidays: { '2026-02-30': 'Spring Festival,春节,4' }, workdays: {} })).toThrow(/chinese-days/)
    expect(() => buildPackageNotices({ holidays: { '2026-02-15': 'Spring Festival' }, workdays: {} })).toThrow(/chinese-days/)
  })
})
