/**
 * The rule-file kinds of the working-day calendar: `calendar` (one file a year, transcribing the State
 * Council's notice on that year's holidays) and `calendar-provisional` (the fixed-date statutory
 * holidays, used only when a caller accepts a provisional answer for a year with no notice yet).
 * Semantic checks that need more than one field live in `validateCalendarYear` and
 * `validateCalendarProvisional`.
 */
import * as z from 'zod'
import { isoDate } from '../ruleset/schemas.js'

/** The notice a year file transcribes. */
export const calendarSource = z
  .strictObject({
    title: z.string().min(1).describe('通知标题，如 国务院办公厅关于2026年部分节假日安排的通知'),
    number: z.string().min(1).optional().describe('发文字号，如 国办发明电〔2024〕12号'),
    issuedOn: isoDate.describe('成文日期 / date of issue'),
    url: z.url().optional().describe('原文链接（以中国政府网为准）'),
  })
  .describe('放假安排通知 / the State Council notice')

/** One holiday period of a notice: every date from `from` to `to` (inclusive) is a rest day. */
export const calendarHoliday = z
  .strictObject({
    name: z.string().min(1).describe('节日名称，如 春节；合并放假写 国庆节、中秋节'),
    from: isoDate.describe('放假第一天（含）'),
    to: isoDate.optional().describe('放假最后一天（含）；只放一天可省略'),
    days: z.number().int().positive().optional().describe('通知写的“共N天”，用于核对 from 至 to'),
  })
  .describe('放假（含调休、连休的周末）/ a holiday period, weekends inside it included')

/** 调休上班日: a weekend day declared a working day. */
export const calendarWorkday = z
  .strictObject({
    date: isoDate.describe('调休上班的日期（原为周六或周日）'),
    note: z.string().min(1).optional().describe('说明，如 春节调休上班'),
  })
  .describe('调休上班日 / a make-up working day')

/** `rules/calendar/<year>.yaml`: one year's holiday arrangement. */
export const calendarFile = z.strictObject({
  kind: z.literal('calendar'),
  year: z.number().int().min(1900).max(2200).describe('年份，与文件名一致'),
  source: calendarSource,
  holidays: z.array(calendarHoliday).min(1).describe('通知中的各项放假安排'),
  workdays: z.array(calendarWorkday).describe('调休上班日；通知没有则写 []'),
})

/** A month and day, `MM-DD` (29 February is refused: it is not in every year). */
export const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { message: 'month_day' })
  .refine(isMonthDay, { message: 'month_day' })
  .describe('月-日，格式 MM-DD / a month and day, MM-DD')

export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]!
}

/** `rules/calendar/provisional.yaml`: statutory holidays on fixed Gregorian dates. */
export const calendarProvisionalFile = z.strictObject({
  kind: z.literal('calendar-provisional'),
  basis: z
    .strictObject({
      title: z.string().min(1).describe('法规名称，如 全国年节及纪念日放假办法'),
      article: z.string().min(1).optional().describe('条款，如 第二条'),
      version: z.string().min(1).optional().describe('版本，如 2024年11月修订'),
      effectiveFrom: isoDate.describe('该版本施行之日；此前的年份不适用暂行规则'),
    })
    .describe('依据 / the legal basis'),
  holidays: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        from: monthDay.describe('第一天（含）'),
        to: monthDay.optional().describe('最后一天（含），同一年内；只放一天可省略'),
      }),
    )
    .min(1)
    .describe('公历日期固定的全体公民放假的节日'),
})

export type CalendarFile = z.infer<typeof calendarFile>
export type CalendarSource = z.infer<typeof calendarSource>
export type CalendarHoliday = z.infer<typeof calendarHoliday>
export type CalendarWorkday = z.infer<typeof calendarWorkday>
export type CalendarProvisionalFile = z.infer<typeof calendarProvisionalFile>
