/**
 * ISO dates as day numbers (days since 1970-01-01), by integer arithmetic only: no `Date`, so no time
 * zone can shift a day. The algorithms are Howard Hinnant's `days_from_civil` / `civil_from_days`
 * (proleptic Gregorian calendar).
 */

/**
 * Whether `value` is a real ISO date `YYYY-MM-DD` between 1900 and 2200 (no 2026-02-30). The rule files'
 * `isoDate` schema and the calendar's argument checks both rest on it.
 */
export function isRealDate(value: string): boolean {
  // `^(\d{4})-(\d{2})-(\d{2})$` read by hand (it runs for every routed complaint): ASCII digits only.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  const y = digits(value, 0, 4), mo = digits(value, 5, 7), d = digits(value, 8, 10)
  if (y < 0 || mo < 0 || d < 0) return false
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

/** The number written in ASCII digits at value[from, to), or -1 when any other character is there. */
function digits(value: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/** Day number of a calendar date (1970-01-01 → 0). `month` is 1-12. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const monthFromMarch = (month + 9) % 12
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** The calendar date of a day number. */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** Day number of an ISO date string already known to be a real `YYYY-MM-DD` date. */
export function toDayNumber(iso: string): number {
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))
}

/** The `YYYY-MM-DD` string of a day number (years 0-9999). */
export function toIsoDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber)
  return weekday === 0 || weekday === 6
}

/** Year of an ISO date string. */
export function yearOfIso(iso: string): number {
  return Number(iso.slice(0, 4))
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** `周六` / `Saturday`, for messages. */
export function weekdayName(dayNumber: number, language: 'zh' | 'en'): string {
  return (language === 'zh' ? WEEKDAY_ZH : WEEKDAY_EN)[weekdayOf(dayNumber)]!
}

/** Days in `month` (1-12) of `year`, by the proleptic Gregorian rules. */
export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1)
}

/** Calendar days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** ISO date `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return toIsoDate(toDayNumber(date) + n)
}
