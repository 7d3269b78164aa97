import { createCalendar, type AddWorkingDaysOptions, type CalendarOptions, type WorkingCalendar } from './createCalendar.js'

let calendar: WorkingCalendar | undefined

/**
 * The calendar the plain functions use, built once. Today it holds the chinese-days data only (so
 * `{ provisional: true }` reports that no provisional rules are loaded); when the rules under
 * `rules/calendar/` are bundled, pass them here: `createCalendar({ years, provisionalHolidays })`.
 *
 * @example
 * defaultCalendar().coverage()[0] // → { year: 2004, from: 'package' }
 */
export function defaultCalendar(): WorkingCalendar {
  calendar ??= createCalendar({})
  return calendar
}

/**
 * Whether `date` is a working day in China, by the default calendar.
 *
 * @example
 * isWorkingDay('2026-02-14') // → true (a Saturday worked for 春节)
 */
export function isWorkingDay(date: string, opts?: CalendarOptions): boolean {
  return defaultCalendar().isWorkingDay(date, opts)
}

/**
 * The n-th working day after `date`, by the default calendar.
 *
 * @example
 * addWorkingDays('2025-09-26', 7).date // → '2025-10-13' (国庆节、中秋节 10-01..10-08 off, 9-28 and 10-11 worked)
 */
export function addWorkingDays(date: string, n: number, opts?: AddWorkingDaysOptions): { date: string; provisional: boolean } {
  return defaultCalendar().addWorkingDays(date, n, opts)
}

/**
 * Working days in (a, b], negative when b < a, by the default calendar.
 *
 * @example
 * workingDaysBetween('2026-02-13', '2026-02-24').days // → 2 (2-14 worked, 2-15..2-23 off, 2-24)
 */
export function workingDaysBetween(a: string, b: string, opts?: CalendarOptions): { days: number; provisional: boolean } {
  return defaultCalendar().workingDaysBetween(a, b, opts)
}
