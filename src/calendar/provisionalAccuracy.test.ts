/**
 * How far the provisional calendar (rules/calendar/provisional.yaml: the 2024 《全国年节及纪念日放假办法》,
 * no make-up days) is from the State Council's notices, year by year 2015-2026: the days it calls working
 * that the notice made rest days, and the days it calls rest days that the notice made working days.
 * The table is pinned so a change to the rules or the lunar data shows up here (and in the README).
 * Before 2025 the law had 11 days (春节 from 正月初一, 劳动节 1 day), so those years also measure that.
 */
import { describe, expect, it } from 'vitest'
import { dayNumberOf, isWeekend, toIsoDate } from '../dates/index.js'
import { defaultCalendar } from './defaultCalendar.js'
import { provisionalRestDays } from './provisionalYear.js'
import { provisionalFile } from './ruleFiles.testing.js'

/** year → [working days the provisional calendar has too many, too few, total wrong]. */
const EXPECTED: Record<number, [number, number, number]> = {
  2015: [10, 5, 15],
  2016: [8, 6, 14],
  2017: [8, 6, 14],
  2018: [8, 8, 16], // 2018-12-29 (worked) and 12-31 (off) belong to the 2019 notice's 元旦
  2019: [4, 6, 10],
  2020: [12, 6, 18], // 春节 extended to 2-2 for the epidemic by a later State Council notice
  2021: [12, 7, 19],
  2022: [10, 7, 17],
  2023: [9, 7, 16],
  2024: [9, 9, 18],
  2025: [6, 5, 11],
  2026: [9, 6, 15],
}

function compare(year: number) {
  const calendar = defaultCalendar()
  const rest = provisionalRestDays(provisionalFile, year)
  let tooMany = 0 // provisional: working; notice: rest (days in lieu, bridges)
  let tooFew = 0 // provisional: rest; notice: working (make-up Saturdays and Sundays)
  const wrong: string[] = []
  for (let day = dayNumberOf(year, 1, 1); day < dayNumberOf(year + 1, 1, 1); day++) {
    const provisionalWorking = !isWeekend(day) && !rest.has(day)
    const noticeWorking = calendar.isWorkingDay(toIsoDate(day))
    if (provisionalWorking && !noticeWorking) tooMany++
    if (!provisionalWorking && noticeWorking) tooFew++
    if (provisionalWorking !== noticeWorking) wrong.push(toIsoDate(day))
  }
  return { tooMany, tooFew, wrong }
}

describe('the provisional calendar against the notices 2015-2026', () => {
  it.each(Object.keys(EXPECTED).map(Number))('%i', (year) => {
    const { tooMany, tooFew } = compare(year)
    expect([tooMany, tooFew, tooMany + tooFew]).toEqual(EXPECTED[year])
  })

  it('gets every statutory holiday day itself right in 2025 and 2026 (the misses are bridges, days in lieu and make-up days)', () => {
    const calendar = defaultCalendar()
    for (const year of [2025, 2026]) {
      for (const day of provisionalRestDays(provisionalFile, year).keys()) expect(calendar.isWorkingDay(toIsoDate(day)), toIsoDate(day)).toBe(false)
    }
  })
})
