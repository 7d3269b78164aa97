/**
 * The rest days of a year no notice covers, by the provisional rules (`rules/calendar/provisional.yaml`):
 * each statutory holiday on its fixed date, its lunar date or its solar term, `offset` and `days` as the
 * file says. No make-up working days and no days in lieu: those only a notice sets.
 */
import { dayNumberOf } from '../dates/index.js'
import { LAST_LUNAR_YEAR, LAST_SOLAR_TERM_YEAR, lunarToDayNumber, solarTermDayNumber } from './lunar.js'
import type { CalendarProvisionalFile, ProvisionalHoliday } from './schemas.js'

/** The first day and the number of days of one holiday in `year`. */
function periodOf(holiday: ProvisionalHoliday, year: number): { first: number; days: number } {
  if ('from' in holiday) {
    const first = dayNumberOf(year, Number(holiday.from.slice(0, 2)), Number(holiday.from.slice(3, 5)))
    const to = holiday.to ?? holiday.from
    const last = dayNumberOf(year, Number(to.slice(0, 2)), Number(to.slice(3, 5)))
    return { first, days: last - first + 1 }
  }
  const anchor = holiday.lunar ? lunarToDayNumber(year, holiday.lunar.month, holiday.lunar.day) : solarTermDayNumber(year, holiday.solarTerm!)
  return { first: anchor + (holiday.offset ?? 0), days: holiday.days ?? 1 }
}

/**
 * Day number → holiday name for every provisional rest day of `year` (days that fall outside the year
 * are left to that year). Where two holidays meet on a day (中秋节 on 10-01), the day is named after both
 * and no extra day is added: the law gives each holiday its days, not a day in lieu.
 *
 * @example
 * provisionalRestDays(provisionalFile, 2027) // → Map { 20819 → '元旦', 20854 → '春节', … } (春节 2027-02-05..02-08)
 */
export function provisionalRestDays(file: CalendarProvisionalFile, year: number): Map<number, string> {
  const start = dayNumberOf(year, 1, 1)
  const end = dayNumberOf(year + 1, 1, 1)
  const rest = new Map<number, string>()
  for (const holiday of file.holidays) {
    const { first, days } = periodOf(holiday, year)
    for (let day = first; day < first + days; day++) {
      if (day < start || day >= end) continue
      const earlier = rest.get(day)
      rest.set(day, earlier === undefined || earlier === holiday.name ? holiday.name : `${earlier}、${holiday.name}`)
    }
  }
  return rest
}

/** The last year `provisionalRestDays` can compute for `file`: the end of the lunar or solar-term tables it uses. */
export function provisionalLastYear(file: CalendarProvisionalFile): number {
  let last = Infinity
  for (const holiday of file.holidays) {
    if ('lunar' in holiday && holiday.lunar) last = Math.min(last, LAST_LUNAR_YEAR - 1) // a festival late in lunar year Y may fall in January Y+1's table
    if ('solarTerm' in holiday && holiday.solarTerm) last = Math.min(last, LAST_SOLAR_TERM_YEAR)
  }
  return last
}
