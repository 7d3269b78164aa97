/**
 * Whole and fractional years between two ISO dates, as the law counts them: the N-th anniversary of a day is the same
 * month and day N years on, or the month's last day where that year has no such day (29 February → 28 February,
 * 《民法典》第二百零二条).
 */
import { dayNumberOf, daysInMonth, toDayNumber } from './isoDay.js'

/** The `years`-th anniversary of the ISO date `from`, as an ISO date. */
export function anniversaryOf(from: string, years: number): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const y = fy + years
  return `${String(y).padStart(4, '0')}-${String(fm).padStart(2, '0')}-${String(Math.min(fd, daysInMonth(y, fm))).padStart(2, '0')}`
}

/**
 * Exact years from `from` to `to` as a decimal: whole years (anniversaries) plus the fraction of the next year (days
 * since the last anniversary over the days to the next one). So "more than three years" is `greaterThan 3`, true from
 * the day after the third anniversary. Negative where `to` is earlier than `from`.
 */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const anniversary = (years: number) => {
    const y = fy + years
    return dayNumberOf(y, fm, Math.min(fd, daysInMonth(y, fm)))
  }
  const ty = Number(to.slice(0, 4))
  const end = toDayNumber(to)
  if (end < anniversary(0)) return -yearsBetween(to, from)
  let whole = ty - fy
  while (whole > 0 && anniversary(whole) > end) whole--
  const start = anniversary(whole)
  const next = anniversary(whole + 1)
  return whole + (end - start) / (next - start)
}
