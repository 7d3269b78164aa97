/**
 * Lunar dates (农历) and solar terms (节气) as day numbers, for the provisional calendar. The tables are
 * chinese-days' (its lunar month lengths 1900–2100 and its solar-term constants): the month lengths are
 * read from its functions at `npm run gen` into `lunarTable.generated.ts` (test/generated.test.ts checks
 * every month against them), so no chinese-days code runs, and its date parsing (which reads dates in
 * local time) never did. The arithmetic from the lunar epoch is done here on integer day numbers.
 */
import { LUNAR_TABLE_FIRST_YEAR, LUNAR_YEARS } from './lunarTable.generated.js'
import { dayNumberOf } from '../dates/index.js'
import type { SolarTermName } from './schemas.js'

/** The lunar years chinese-days tabulates. */
export const FIRST_LUNAR_YEAR = 1900
export const LAST_LUNAR_YEAR = 2100

/** 正月初一 of lunar year 1900 was 1900-01-31. */
const LUNAR_EPOCH = dayNumberOf(1900, 1, 31)

/** chinese-days' table for `year` (1900–2100), generated at `npm run gen` (test/tools/lunarTable.ts). */
const codeOf = (year: number): number => LUNAR_YEARS[year - LUNAR_TABLE_FIRST_YEAR]!

/** Days of lunar month `month` (1–12, not the leap one) of `year`. */
function monthDays(year: number, month: number): number {
  return codeOf(year) & (1 << (month - 1)) ? 30 : 29
}

function leapMonthOf(year: number): { month: number; days: number } | undefined {
  const code = codeOf(year)
  const month = (code >> 12) & 0xf
  return month ? { month, days: code & (1 << 16) ? 30 : 29 } : undefined
}

function lunarYearLength(year: number): number {
  let days = leapMonthOf(year)?.days ?? 0
  for (let month = 1; month <= 12; month++) days += monthDays(year, month)
  return days
}

const newYearCache = new Map<number, number>()

/** Day number of 正月初一 of `year` (memoised; walks from the epoch once). */
function lunarNewYear(year: number): number {
  let day = newYearCache.get(year)
  if (day !== undefined) return day
  day = LUNAR_EPOCH
  for (let y = FIRST_LUNAR_YEAR; y < year; y++) day += lunarYearLength(y)
  newYearCache.set(year, day)
  return day
}

/**
 * Day number of lunar `month`/`day` of lunar year `year` (the first, non-leap month of that number when
 * the year doubles it). A day past the month's end (30 of a 29-day month) is the next month's first day,
 * as almanacs count it. `year` must lie in 1900–2100.
 *
 * @example
 * toIsoDate(lunarToDayNumber(2027, 1, 1)) // → '2027-02-06' (春节 2027)
 */
export function lunarToDayNumber(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`lunar year ${year} outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`)
  }
  const leap = leapMonthOf(year)
  let offset = 0
  for (let m = 1; m < month; m++) {
    offset += monthDays(year, m)
    if (leap && leap.month === m) offset += leap.days
  }
  return lunarNewYear(year) + offset + day - 1
}

/**
 * The 寿星 formula's constants for the 21st century, per solar term: [Gregorian month, C], and the
 * known corrections (2001–2099) — the values chinese-days 1.5.7 uses (src/solar_terms/constants.ts). Its
 * own `getSolarTermDate` is not called: under a time zone west of UTC it answers a day early.
 */
const SOLAR_TERMS: Record<SolarTermName, [number, number]> = {
  小寒: [1, 5.4055], 大寒: [1, 20.12], 立春: [2, 3.87], 雨水: [2, 18.73], 惊蛰: [3, 5.63], 春分: [3, 20.646],
  清明: [4, 4.81], 谷雨: [4, 20.1], 立夏: [5, 5.52], 小满: [5, 21.04], 芒种: [6, 5.678], 夏至: [6, 21.37],
  小暑: [7, 7.108], 大暑: [7, 22.83], 立秋: [8, 7.5], 处暑: [8, 23.13], 白露: [9, 7.646], 秋分: [9, 23.042],
  寒露: [10, 8.318], 霜降: [10, 23.438], 立冬: [11, 7.438], 小雪: [11, 22.36], 大雪: [12, 7.18], 冬至: [12, 21.94],
}
const SOLAR_TERM_CORRECTIONS: Record<string, number> = {
  '2026 雨水': -1, '2084 春分': 1, '2008 小满': 1, '2016 小暑': 1, '2002 立秋': 1, '2089 霜降': 1,
  '2089 立冬': 1, '2021 冬至': -1, '2019 小寒': -1, '2082 大寒': 1,
}

/** The years `solarTermDayNumber` answers for (the formula's 21st-century constants). */
export const FIRST_SOLAR_TERM_YEAR = 2001
export const LAST_SOLAR_TERM_YEAR = 2099

/**
 * Day number of solar term `term` in Gregorian `year` (2001–2099): 寿星公式 [Y×0.2422 + C] − L, L = [Y/4]
 * ([(Y−1)/4] for 小寒、大寒、立春、雨水), plus the known corrections.
 *
 * @example
 * toIsoDate(solarTermDayNumber(2027, '清明')) // → '2027-04-05'
 */
export function solarTermDayNumber(year: number, term: SolarTermName): number {
  if (!Number.isInteger(year) || year < FIRST_SOLAR_TERM_YEAR || year > LAST_SOLAR_TERM_YEAR) {
    throw new RangeError(`solar terms are known for ${FIRST_SOLAR_TERM_YEAR}–${LAST_SOLAR_TERM_YEAR}, not ${year}`)
  }
  const [month, c] = SOLAR_TERMS[term]
  const y = year % 100
  const early = term === '小寒' || term === '大寒' || term === '立春' || term === '雨水'
  // Y×D computed on integers (D = 0.2422 = 2422/10000) so no floating-point rounding can move a day.
  const day = Math.floor((y * 2422 + Math.round(c * 10000)) / 10000) - Math.floor((early ? y - 1 : y) / 4) + (SOLAR_TERM_CORRECTIONS[`${year} ${term}`] ?? 0)
  return dayNumberOf(year, month, day)
}
