/**
 * The dates a complaint's own words give (「2004年买的」「2022年5月」「2023.3.15」「二〇一九年」), for the
 * facts `yearsSinceTextDate` and `harmKnownOnGiven`: a screening rule's `hint` may ask the clerk to confirm
 * the date the complainant knew of the harm when the text points far back (《暂行办法》第十五条第(四)项),
 * without deciding anything itself. This is reading of dates, not of meanings: which dates matter and how
 * many years is too many are the rule file's.
 *
 * The text is the normalised one (half-width digits). Two-digit years (「19年买的」) are not read: they are as
 * often a count of years as a year. Each date is read at its latest possible day (a year alone as its 31
 * December, a month as its last day), so the years counted from it are never more than the text says.
 */
import { daysInMonth, yearsBetween } from '../dates/index.js'

const CHINESE_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

// A four-digit year (not part of a longer number, such as an order number), then optionally a month and a day,
// written with 年/月/日(号) or with - . / between the parts.
const WRITTEN = /(?<![0-9])((?:19|20)[0-9]{2})\s*年(?:\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?)?/g
const NUMERIC = /(?<![0-9.])((?:19|20)[0-9]{2})[-./]([0-9]{1,2})(?:[-./]([0-9]{1,2}))?(?![0-9]|\s*[元块])/g
const CHINESE_YEAR = /([一二][〇零一二三四五六七八九]{3})年/g

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * The latest day a written year/month/day can mean. A part that is no date (month 13, 2月30日) is dropped
 * with what follows it, so the reading only gets later, never earlier.
 */
function latestReading(year: number, month: number | undefined, day: number | undefined): string {
  if (month === undefined || month < 1 || month > 12) return `${year}-12-31`
  const last = daysInMonth(year, month)
  if (day === undefined || day < 1 || day > last) return `${year}-${pad(month)}-${pad(last)}`
  return `${year}-${pad(month)}-${pad(day)}`
}

// Whether the text may give a date at all: one test, so the three readings run only on texts that have a
// four-digit year or a year in Chinese digits (most complaints have neither).
const ANY_YEAR = /(?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3}年/

const numberOrUndefined = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s))

/** The earlier of `earliest` and `iso` when `iso` is a date to consider (on or before receipt, not before 1950). */
function earlier(earliest: string | undefined, iso: string, receivedOn: string): string | undefined {
  if (iso > receivedOn || iso < '1950-01-01') return earliest
  return earliest === undefined || iso < earliest ? iso : earliest
}

/**
 * The earliest date the text gives, read at its latest possible day (ISO), among those on or before
 * `receivedOn` and not before 1950; undefined when the text gives none.
 */
export function earliestTextDate(text: string, receivedOn: string): string | undefined {
  if (!ANY_YEAR.test(text)) return undefined
  let earliest: string | undefined
  for (const m of text.matchAll(WRITTEN)) earliest = earlier(earliest, latestReading(Number(m[1]), numberOrUndefined(m[2]), numberOrUndefined(m[3])), receivedOn)
  for (const m of text.matchAll(NUMERIC)) earliest = earlier(earliest, latestReading(Number(m[1]), numberOrUndefined(m[2]), numberOrUndefined(m[3])), receivedOn)
  for (const m of text.matchAll(CHINESE_YEAR)) {
    let digits = ''
    for (const c of m[1]!) digits += CHINESE_DIGITS[c]
    earliest = earlier(earliest, latestReading(Number(digits), undefined, undefined), receivedOn)
  }
  return earliest
}


/** The fact `yearsSinceTextDate`: years from the text's earliest date to `receivedOn`, 0 when it gives none. */
export function yearsSinceTextDate(text: string, receivedOn: string): number {
  const earliest = earliestTextDate(text, receivedOn)
  return earliest === undefined ? 0 : Math.max(0, yearsBetween(earliest, receivedOn))
}
