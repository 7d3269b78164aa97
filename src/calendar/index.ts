/**
 * The working-day calendar: China's rest days and make-up working days (调休) from the State Council's
 * yearly notices, for deadlines counted in working days.
 */
export { createCalendar } from './createCalendar.js'
export { defaultCalendar, isWorkingDay, addWorkingDays, workingDaysBetween } from './defaultCalendar.js'
export { calendarFile, calendarProvisionalFile } from './schemas.js'
export { validateCalendarYear } from './validateCalendarYear.js'
export { validateCalendarProvisional } from './validateCalendarProvisional.js'
export { CHINESE_DAYS_VERSION } from './packageNotices.js'
export type {
  AddWorkingDaysOptions,
  CalendarOptions,
  CoverageEntry,
  CreateCalendarInput,
  DayInfo,
  DayKind,
  WorkingCalendar,
  YearDays,
} from './createCalendar.js'
export type { CalendarFile, CalendarProvisionalFile, CalendarSource, CalendarHoliday, CalendarWorkday } from './schemas.js'
export type { CalendarIssueCode } from './validateCalendarYear.js'
