/**
 * The working-day calendar's public shapes: options, what a day is, coverage, and the calendar object.
 */
import type { CalendarProvisionalFile, CalendarFile, CalendarSource } from './schemas.js'

export interface CalendarOptions {
  /**
   * For a year with no notice yet, accept an answer from the provisional rules (`rules/calendar/provisional.yaml`:
   * weekends and the statutory holidays of 《全国年节及纪念日放假办法》 — fixed dates, lunar dates and 清明 —
   * with no make-up working days). The result then says `provisional: true`. Without it such a year is a
   * `calendar_coverage` error.
   */
  provisional?: boolean
}

export interface AddWorkingDaysOptions extends CalendarOptions {
  /** The start day, if it is a working day, counts as day 1. */
  countStartDay?: boolean
}

/** workday: Monday–Friday; weekend; holiday: a rest day set by the notice; makeup-workday: 调休上班日. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday'

export interface DayInfo {
  date: string
  working: boolean
  kind: DayKind
  /** The holiday's name, for `kind: 'holiday'`. */
  holiday?: string
  /** The notice's note, for `kind: 'makeup-workday'`. */
  note?: string
  provisional: boolean
}

export interface CoverageEntry {
  year: number
  from: 'yaml' | 'package'
  /** The notice, for years from YAML. */
  source?: CalendarSource
}

export interface YearDays {
  year: number
  from: 'yaml' | 'package' | 'provisional'
  /** The notice, for years from YAML. */
  source?: CalendarSource
  /** The legal basis, for provisional years. */
  basis?: CalendarProvisionalFile['basis']
  provisional: boolean
  /** The notice's rest days, weekends inside holiday periods included, in date order. */
  restDays: { date: string; name: string }[]
  /** 调休上班日, in date order. */
  makeupWorkdays: { date: string; note?: string }[]
}

export interface WorkingCalendar {
  /** Years covered by data, and where each came from ('yaml' with its source, or 'package'). */
  coverage(): CoverageEntry[]
  /** Whether `date` is a working day. */
  isWorkingDay(date: string, opts?: CalendarOptions): boolean
  /** What kind of day `date` is, and why. */
  dayInfo(date: string, opts?: CalendarOptions): DayInfo
  /**
   * The n-th working day after `date` (the date itself not counted; n = 0 returns `date`). With
   * `countStartDay`, the start day counts as day 1 when it is a working day. 0 <= n <= 10000.
   */
  addWorkingDays(date: string, n: number, opts?: AddWorkingDaysOptions): { date: string; provisional: boolean }
  /**
   * Working days in (a, b]; negative when b < a. So `addWorkingDays(a, n).date === b` implies
   * `workingDaysBetween(a, b).days === n`.
   */
  workingDaysBetween(a: string, b: string, opts?: CalendarOptions): { days: number; provisional: boolean }
  /** `date` plus n calendar days (n may be negative). No holiday data is needed. */
  addCalendarDays(date: string, n: number): string
  /** A year's rest days and make-up working days, as its notice sets them (for `xiaobao calendar 2026`). */
  yearDays(year: number, opts?: CalendarOptions): YearDays
}

export interface CreateCalendarInput {
  /** Year files (`rules/calendar/<year>.yaml`); a year here replaces the package's data for that year. */
  years?: CalendarFile[]
  /** The statutory holidays (`rules/calendar/provisional.yaml`), for `{ provisional: true }`. */
  provisionalHolidays?: CalendarProvisionalFile
  /** Use the chinese-days package's data for years without a file. Default true. */
  usePackageData?: boolean
}

