import type { CalendarSlice } from './calendarFileKinds.js'
import { parseBundledCalendar } from './bundledCalendar.generated.js'
import { calendarOfCheckedInput, createCalendar, type AddWorkingDaysOptions, type CalendarOptions, type WorkingCalendar } from './createCalendar.js'

/** The calendar of a rule set: its `rules/calendar/` years over the chinese-days data. */
export function calendarOf(ruleSet: CalendarSlice): WorkingCalendar {
  return createCalendar({ years: ruleSet.calendar?.years ?? [], provisionalHolidays: ruleSet.calendar?.provisional })
}

let calendar: WorkingCalendar | undefined

/**
 * The calendar the plain functions use, built once: the bundled `rules/calendar/` years (which override
 * the chinese-days data for their year) and the provisional rules.
 *
 * @example
 * defaultCalendar().coverage().at(-1) // → { year: 2026, from: 'yaml', source: { title: '国务院办公厅关于2026年部分节假日安排的通知', … } }
 */
export function defaultCalendar(): WorkingCalendar {
  // Only the calendar slice of the bundled rules (generated with them), so importing the calendar
  // does not bring in the routing rules; the loader checked it at generation time, so it is not
  // checked again here (that would bring in zod: see test/bundle.test.ts).
  if (!calendar) {
    const rules = parseBundledCalendar()
    calendar = calendarOfCheckedInput({ years: rules.years, provisionalHolidays: rules.provisional })
  }
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
