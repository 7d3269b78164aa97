/**
 * The calendar's issue codes and their catalog (Chinese and English). None carries typed fields yet:
 * each code's full message is still written where it is raised (`validateCalendarYear.ts`,
 * `validateCalendarProvisional.ts`, `calendarMessages.ts`); the templates here are the codes' titles.
 */
import { defineMessages } from '../problems/messages.js'

export interface CalendarIssueFields {
  /** 日期不在该年（或上一年年末几天）内 */
  calendar_date_outside_year: {}
  /** 调休上班日不是周六、周日 */
  calendar_makeup_not_weekend: {}
  /** 同一天既放假又上班，或写了两次 */
  calendar_date_conflict: {}
  /** 警告：一次放假超过 MAX_HOLIDAY_DAYS 天，多半是日期写错 */
  calendar_long_holiday: {}
  /** 所问年份的放假安排未收录（计算时） */
  calendar_coverage: {}
}

declare global {
  interface XiaobaoIssueFields extends CalendarIssueFields {}
}

export const CALENDAR_MESSAGES = defineMessages<CalendarIssueFields>(
  { calendar_date_outside_year: [], calendar_makeup_not_weekend: [], calendar_date_conflict: [], calendar_long_holiday: [], calendar_coverage: [] },
  {
    zh: {
      calendar_date_outside_year: '日期不在该年内。',
      calendar_makeup_not_weekend: '调休上班日不是周六、周日。',
      calendar_date_conflict: '同一天写了两次，或既放假又上班。',
      calendar_long_holiday: '一次放假天数过多，请核对日期。',
      calendar_coverage: '该年的放假调休安排尚未收录。',
    },
    en: {
      calendar_date_outside_year: 'a date outside the year.',
      calendar_makeup_not_weekend: 'a make-up working day that is not a Saturday or Sunday.',
      calendar_date_conflict: 'a day written twice, or both off and worked.',
      calendar_long_holiday: 'an unusually long holiday; check the dates.',
      calendar_coverage: 'the holiday arrangement for the year is not known.',
    },
  },
)
