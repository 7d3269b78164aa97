import type { Issue } from '../problems/issue.js'
import { isWeekend, toDayNumber, toIsoDate, weekdayName, dayNumberOf } from '../dates/index.js'
import type { CalendarFile } from './schemas.js'
import type { CalendarIssueFields } from './issues.js'

/** Codes of the calendar's semantic problems (the structural ones are zod's, mapped by the loader). */
export type CalendarIssueCode = Exclude<keyof CalendarIssueFields, 'calendar_coverage'> | 'invalid_period' // invalid_period: to 早于 from，或“共N天”与起止日期不符

/**
 * A 元旦 arrangement may begin in the last days of the previous December (the 2019 notice: 2018-12-30
 * to 2019-01-01 off, 2018-12-29 worked), so a year file may name dates from this day of December on.
 */
const PREVIOUS_DECEMBER_FROM = 25
/** The longest arrangement so far is ten days (春节 2020, extended). More is almost surely a typo. */
const MAX_HOLIDAY_DAYS = 15

/**
 * Checks that a year file, already valid against `calendarFile`, is internally consistent: its dates
 * are in its year, each period runs forwards and matches its “共N天”, make-up days are weekend days,
 * and no date is both a rest day and a working day. Returns `[]` when it is.
 *
 * @example
 * validateCalendarYear(file2026) // → []
 */
export function validateCalendarYear(file: CalendarFile): Issue[] {
  const issues: Issue[] = []
  const year = file.year
  const first = dayNumberOf(year - 1, 12, PREVIOUS_DECEMBER_FROM)
  const last = dayNumberOf(year, 12, 31)
  const add = (code: CalendarIssueCode, path: Issue['path'], message: string, messageEn: string, severity: Issue['severity'] = 'error') =>
    issues.push({ code, severity, message, messageEn, path } as Issue)

  const checkInYear = (date: string, path: (string | number)[], what: string, whatEn: string): boolean => {
    const day = toDayNumber(date)
    if (day >= first && day <= last) return true
    add(
      'calendar_date_outside_year',
      path,
      `${what}的日期 "${date}" 不在 ${year} 年内。本文件只写 ${year} 年通知的安排（元旦放假可从上一年 12 月 ${PREVIOUS_DECEMBER_FROM} 日以后开始）；是否写错了年份？`,
      `${whatEn} date "${date}" is not in ${year}. This file holds only the ${year} notice's arrangement (a New Year holiday may start after ${year - 1}-12-${PREVIOUS_DECEMBER_FROM}); is the year misspelt?`,
    )
    return false
  }

  // Rest days seen so far: day number → where it was written.
  const restDays = new Map<number, { index: number; name: string }>()
  file.holidays.forEach((holiday, index) => {
    const at = `holidays 第${index + 1}项（${holiday.name}）`
    const atEn = `holidays item ${index + 1} (${holiday.name})`
    const to = holiday.to ?? holiday.from
    const fromOk = checkInYear(holiday.from, ['holidays', index, 'from'], at + '开始', atEn + ' start')
    const toOk = holiday.to === undefined || checkInYear(holiday.to, ['holidays', index, 'to'], at + '结束', atEn + ' end')
    if (!fromOk || !toOk) return
    const start = toDayNumber(holiday.from)
    const end = toDayNumber(to)
    if (end < start) {
      add(
        'invalid_period',
        ['holidays', index, 'to'],
        `${at}的结束日 "${to}" 早于开始日 "${holiday.from}"。`,
        `${atEn} ends on "${to}", before it starts on "${holiday.from}".`,
      )
      return
    }
    const length = end - start + 1
    if (holiday.days !== undefined && holiday.days !== length) {
      add(
        'invalid_period',
        ['holidays', index, 'days'],
        `${at}写“共${holiday.days}天”，但 ${holiday.from} 至 ${to} 是 ${length} 天。请对照通知核对日期或天数。`,
        `${atEn} says ${holiday.days} days, but ${holiday.from} to ${to} is ${length} days. Check the dates or the count against the notice.`,
      )
    }
    if (length > MAX_HOLIDAY_DAYS) {
      add(
        'calendar_long_holiday',
        ['holidays', index, 'to'],
        `${at}从 ${holiday.from} 到 ${to} 共 ${length} 天，超过 ${MAX_HOLIDAY_DAYS} 天，请核对是否写错日期。`,
        `${atEn} runs ${length} days, from ${holiday.from} to ${to}, more than ${MAX_HOLIDAY_DAYS}; check the dates.`,
        'warning',
      )
    }
    for (let day = start; day <= end; day++) {
      const earlier = restDays.get(day)
      if (earlier) {
        add(
          'calendar_date_conflict',
          ['holidays', index, 'from'],
          `${at}与 holidays 第${earlier.index + 1}项（${earlier.name}）重叠（${toIsoDate(day)}）。每一天只写一次。`,
          `${atEn} overlaps holidays item ${earlier.index + 1} (${earlier.name}) on ${toIsoDate(day)}. Write each day once.`,
        )
        break
      }
    }
    for (let day = start; day <= end; day++) if (!restDays.has(day)) restDays.set(day, { index, name: holiday.name })
  })

  const workdays = new Map<number, number>()
  file.workdays.forEach((workday, index) => {
    const path = ['workdays', index, 'date']
    const at = `workdays 第${index + 1}项`
    const atEn = `workdays item ${index + 1}`
    if (!checkInYear(workday.date, path, at, atEn)) return
    const day = toDayNumber(workday.date)
    if (!isWeekend(day)) {
      add(
        'calendar_makeup_not_weekend',
        path,
        `${at}：调休上班日 ${workday.date} 是${weekdayName(day, 'zh')}，本来就上班。调休上班日只能是周六或周日，请核对通知。`,
        `${atEn}: make-up working day ${workday.date} is a ${weekdayName(day, 'en')}, a working day anyway. A make-up day must be a Saturday or a Sunday; check the notice.`,
      )
    }
    const rest = restDays.get(day)
    if (rest) {
      add(
        'calendar_date_conflict',
        path,
        `${at}：${workday.date} 同时在 holidays 第${rest.index + 1}项（${rest.name}）的放假期间内。同一天不能既放假又上班。`,
        `${atEn}: ${workday.date} is also inside holidays item ${rest.index + 1} (${rest.name}). A day cannot be both a rest day and a working day.`,
      )
    }
    const earlier = workdays.get(day)
    if (earlier !== undefined) {
      add(
        'calendar_date_conflict',
        path,
        `${at}：${workday.date} 已在 workdays 第${earlier + 1}项写过。`,
        `${atEn}: ${workday.date} is already workdays item ${earlier + 1}.`,
      )
    } else {
      workdays.set(day, index)
    }
  })
  return issues
}
