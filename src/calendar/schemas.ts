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

/** A holiday on fixed Gregorian dates: `from` to `to` (inclusive) every year. */
export const provisionalFixedHoliday = z.strictObject({
  name: z.string().min(1),
  from: monthDay.describe('第一天（含）'),
  to: monthDay.optional().describe('最后一天（含），同一年内；只放一天可省略'),
})

/** The 24 solar terms (二十四节气) a holiday may fall on, by their Chinese names. */
export const SOLAR_TERM_NAMES = [
  '小寒', '大寒', '立春', '雨水', '惊蛰', '春分', '清明', '谷雨', '立夏', '小满', '芒种', '夏至',
  '小暑', '大暑', '立秋', '处暑', '白露', '秋分', '寒露', '霜降', '立冬', '小雪', '大雪', '冬至',
] as const
export type SolarTermName = (typeof SOLAR_TERM_NAMES)[number]

/**
 * A holiday anchored on a lunar date (农历, the non-leap month when the month is doubled) or a solar term,
 * `offset` days from the anchor (−1: the day before, e.g. 除夕 = 正月初一 − 1), lasting `days` days.
 */
export const provisionalMovableHoliday = z
  .strictObject({
    name: z.string().min(1),
    lunar: z
      .strictObject({
        month: z.number().int().min(1).max(12).describe('农历月（1 为正月）'),
        day: z.number().int().min(1).max(30).describe('农历日（1 为初一）'),
      })
      .optional()
      .describe('农历日期，如 { month: 8, day: 15 } 中秋'),
    solarTerm: z.enum(SOLAR_TERM_NAMES).optional().describe('节气，如 清明'),
    offset: z.number().int().min(-30).max(30).optional().describe('距该日的天数，如 -1（除夕为正月初一的前一天）；缺省 0'),
    days: z.number().int().min(1).max(30).optional().describe('放假天数，自 锚定日+offset 起连续计；缺省 1'),
  })
  .describe('按农历或节气确定日期的节日（恰写 lunar 与 solarTerm 之一）')

export const provisionalHoliday = z.union([provisionalFixedHoliday, provisionalMovableHoliday])

/**
 * `rules/calendar/provisional.yaml`: the statutory holidays of 《全国年节及纪念日放假办法》, on fixed
 * Gregorian dates, lunar dates or solar terms, for years no notice covers yet (no make-up days).
 */
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
    .array(provisionalHoliday)
    .min(1)
    .describe('全体公民放假的节日：公历日期固定的写 from/to；按农历或节气的写 lunar 或 solarTerm（及 offset、days）'),
})

export type CalendarFile = z.infer<typeof calendarFile>
export type CalendarSource = z.infer<typeof calendarSource>
export type CalendarHoliday = z.infer<typeof calendarHoliday>
export type CalendarWorkday = z.infer<typeof calendarWorkday>
export type CalendarProvisionalFile = z.infer<typeof calendarProvisionalFile>
export type ProvisionalHoliday = z.infer<typeof provisionalHoliday>
export type ProvisionalFixedHoliday = z.infer<typeof provisionalFixedHoliday>
export type ProvisionalMovableHoliday = z.infer<typeof provisionalMovableHoliday>
