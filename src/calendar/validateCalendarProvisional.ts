import type { Issue } from '../problems/issue.js'
import type { CalendarProvisionalFile } from './schemas.js'

/**
 * Checks the provisional holiday list, already valid against `calendarProvisionalFile`: each fixed period
 * runs forwards within one year, no fixed day is written twice, and each movable holiday has exactly one
 * anchor (a lunar date or a solar term). Returns `[]` when it is consistent.
 *
 * @example
 * validateCalendarProvisional({ kind: 'calendar-provisional', basis, holidays: [{ name: '国庆节', from: '10-03', to: '10-01' }] })
 * // → [{ code: 'invalid_period', path: ['holidays', 0, 'to'], … }]
 */
export function validateCalendarProvisional(file: CalendarProvisionalFile): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, number>()
  file.holidays.forEach((holiday, index) => {
    if (!('from' in holiday)) {
      // A movable holiday: anchored on exactly one of a lunar date and a solar term.
      if ((holiday.lunar === undefined) === (holiday.solarTerm === undefined)) {
        issues.push({
          code: 'invalid_value',
          severity: 'error',
          message: `holidays 第${index + 1}项（${holiday.name}）须恰好写 lunar（农历日期）和 solarTerm（节气）之一，或写公历的 from。`,
          messageEn: `holidays item ${index + 1} (${holiday.name}) must give exactly one of lunar (a lunar date) and solarTerm (a solar term), or a Gregorian from.`,
          path: ['holidays', index],
        })
      }
      return
    }
    const to = holiday.to ?? holiday.from
    if (to < holiday.from) {
      issues.push({
        code: 'invalid_period',
        severity: 'error',
        message: `holidays 第${index + 1}项（${holiday.name}）的结束日 "${to}" 早于开始日 "${holiday.from}"；暂行规则的放假期间须在同一年内。`,
        messageEn: `holidays item ${index + 1} (${holiday.name}) ends on "${to}", before it starts on "${holiday.from}"; a provisional period must lie within one year.`,
        path: ['holidays', index, 'to'],
      })
      return
    }
    for (const monthDay of monthDaysBetween(holiday.from, to)) {
      const earlier = seen.get(monthDay)
      if (earlier !== undefined) {
        issues.push({
          code: 'calendar_date_conflict',
          severity: 'error',
          message: `holidays 第${index + 1}项（${holiday.name}）与第${earlier + 1}项重叠（${monthDay}）。每一天只写一次。`,
          messageEn: `holidays item ${index + 1} (${holiday.name}) overlaps item ${earlier + 1} on ${monthDay}. Write each day once.`,
          path: ['holidays', index, 'from'],
        })
        break
      }
    }
    for (const monthDay of monthDaysBetween(holiday.from, to)) if (!seen.has(monthDay)) seen.set(monthDay, index)
    // A movable holiday may meet a fixed one (中秋节 on 10-01): the day is then named after both, no day added.
  })
  return issues
}

/** `MM-DD` strings from `from` to `to` inclusive, in a common (non-leap) year. */
export function monthDaysBetween(from: string, to: string): string[] {
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  const out: string[] = []
  let month = Number(from.slice(0, 2))
  let day = Number(from.slice(3, 5))
  for (;;) {
    const current = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    if (current > to) return out
    out.push(current)
    day++
    if (day > lengths[month - 1]!) {
      day = 1
      month++
      if (month > 12) return out
    }
  }
}
