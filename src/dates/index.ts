/**
 * The ground floor for dates: ISO `YYYY-MM-DD` strings and integer day numbers (days since 1970-01-01),
 * by integer arithmetic only — no `Date`, so no time zone can shift a day. It imports nothing of the
 * capabilities; the calendar and the escalations build on it.
 */
export { addDays, civilOf, dayNumberOf, daysBetween, daysInMonth, isRealDate, isWeekend, toDayNumber, toIsoDate, weekdayName, weekdayOf, yearOfIso } from './isoDay.js'
export { anniversaryOf, yearsBetween } from './years.js'
