import chineseDays from 'chinese-days'
import { describe, expect, it } from 'vitest'
import { toIsoDate } from '../dates/index.js'
import { lunarToDayNumber, solarTermDayNumber } from './lunar.js'
import { SOLAR_TERM_NAMES } from './schemas.js'

// chinese-days' own date functions read dates in local time; they are the reference only where local
// time is not west of UTC (the suite runs under UTC, Asia/Shanghai and America/Los_Angeles).
const referenceUsable = new Date(2027, 3, 5).getTimezoneOffset() <= 0
const pad = (n: number) => String(n).padStart(2, '0')

describe('lunar dates and solar terms', () => {
  it('knows the lunar new years and festivals the notices used (2015-2027)', () => {
    const springFestival: Record<number, string> = { 2015: '2015-02-19', 2020: '2020-01-25', 2023: '2023-01-22', 2026: '2026-02-17', 2027: '2027-02-06' }
    for (const [year, date] of Object.entries(springFestival)) expect(toIsoDate(lunarToDayNumber(Number(year), 1, 1))).toBe(date)
    expect(toIsoDate(lunarToDayNumber(2026, 8, 15))).toBe('2026-09-25') // 中秋 2026
    expect(toIsoDate(lunarToDayNumber(2020, 5, 5))).toBe('2020-06-25') // 端午 2020, the year with a leap 4th month
    expect(toIsoDate(lunarToDayNumber(2028, 5, 5))).toBe('2028-05-28') // 2028 doubles the 5th month: the first one
    expect(toIsoDate(solarTermDayNumber(2027, '清明'))).toBe('2027-04-05')
    expect(toIsoDate(solarTermDayNumber(2024, '清明'))).toBe('2024-04-04')
  })

  it.runIf(referenceUsable)('agrees with chinese-days on every lunar festival date 2001-2099', () => {
    for (let year = 2001; year <= 2099; year++) {
      for (const [month, day] of [[1, 1], [5, 5], [8, 15], [12, 29]] as const) {
        const reference = chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date
        expect(toIsoDate(lunarToDayNumber(year, month, day)), `${year} ${month}-${day}`).toBe(reference)
      }
    }
  })

  it.runIf(referenceUsable)('agrees with chinese-days on every solar term 2001-2099', () => {
    const months = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12]
    const keys = ['lesser_cold', 'greater_cold', 'the_beginning_of_spring', 'rain_water', 'the_waking_of_insects', 'the_spring_equinox', 'pure_brightness', 'grain_rain', 'the_beginning_of_summer', 'lesser_fullness_of_grain', 'grain_in_beard', 'the_summer_solstice', 'lesser_heat', 'greater_heat', 'the_beginning_of_autumn', 'the_end_of_heat', 'white_dew', 'the_autumn_equinox', 'code_dew', 'frost_descent', 'the_beginning_of_winter', 'lesser_snow', 'greater_snow', 'the_winter_solstice'] as const
    for (let year = 2001; year <= 2099; year++) {
      SOLAR_TERM_NAMES.forEach((term, index) => {
        const reference = chineseDays.getSolarTermDate(year, months[index]!, keys[index]!)
        expect(toIsoDate(solarTermDayNumber(year, term)), `${year} ${term}`).toBe(reference)
      })
    }
  })

  it('refuses years outside its tables', () => {
    expect(() => lunarToDayNumber(2101, 1, 1)).toThrow(RangeError)
    expect(() => solarTermDayNumber(2100, '清明')).toThrow(RangeError)
  })
})
