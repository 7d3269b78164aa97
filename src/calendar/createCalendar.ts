/**
 * The working-day calendar as a model: notices merged by year, one precomputed table per year, and the
 * walks that count working days across years. Input checks live in `checkCalendarInput.ts`, messages in
 * `calendarMessages.ts`, the provisional years' holidays in `provisionalYear.ts`.
 */
import { snapshotInput, typedErrors } from '../problems/snapshotInput.js'
import { civilOf, dayNumberOf, toDayNumber, toIsoDate } from '../dates/index.js'
import {
  checkAddOptions,
  checkDate,
  checkInteger,
  checkOptions,
  FIRST_YEAR,
  LAST_YEAR,
  MAX_DAY_COUNT,
  outOfRangeError,
} from './arguments.js'
import { coverageError } from './calendarMessages.js'
import { checkCalendarInput } from './checkCalendarInput.js'
import { noticeOfFile, type Notice } from './notice.js'
import { packageNotices } from './packageNotices.js'
import { provisionalLastYear, provisionalRestDays } from './provisionalYear.js'
import type { CalendarOptions, CreateCalendarInput, DayInfo, WorkingCalendar } from './types.js'
import { buildTable, HOLIDAY, MAKEUP, WEEKEND, WORKDAY, type YearTable } from './yearTable.js'

export type {
  AddWorkingDaysOptions,
  CalendarOptions,
  CoverageEntry,
  CreateCalendarInput,
  DayInfo,
  DayKind,
  WorkingCalendar,
  YearDays,
} from './types.js'

/**
 * Builds a working-day calendar from year files, the chinese-days data and the provisional rules. The
 * inputs are checked (schema and consistency); a problem is a `XiaobaoError` listing every issue.
 *
 * @example
 * const calendar = createCalendar({ years: [file2026] })
 * calendar.addWorkingDays('2026-02-12', 7).date // → '2026-02-28' (2-14 and 2-28 worked, 春节 2-15..2-23 off)
 */
export function createCalendar(input: CreateCalendarInput = {}): WorkingCalendar {
  return typedErrors(() => calendarOfCheckedInput(checkCalendarInput(snapshotInput(input, 'input') as CreateCalendarInput)))
}

/** Each method's parameter names, for the messages of its arguments' snapshots. */
const PARAMETERS: Record<keyof WorkingCalendar, readonly string[]> = {
  coverage: [],
  dayInfo: ['date', 'options'],
  isWorkingDay: ['date', 'options'],
  addWorkingDays: ['date', 'n', 'options'],
  workingDaysBetween: ['a', 'b', 'options'],
  addCalendarDays: ['date', 'n'],
  yearDays: ['year', 'options'],
}

/** The calendar's methods, each snapshotting its arguments first and throwing only `XiaobaoError`. */
function guarded(calendar: WorkingCalendar): WorkingCalendar {
  const out = {} as Record<string, unknown>
  for (const [name, parameters] of Object.entries(PARAMETERS)) {
    const method = (calendar as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!
    out[name] = (...args: unknown[]) =>
      typedErrors(() => method(...args.map((arg, i) => snapshotInput(arg, parameters[i] ?? `argument ${i + 1}`))))
  }
  return out as unknown as WorkingCalendar
}

/**
 * The calendar of input already checked: by `checkCalendarInput`, or by the loader when `npm run gen`
 * bundled `rules/calendar/` (the default calendar). Kept apart from `createCalendar` so that the default
 * calendar does not carry the rule files' zod schemas into an app that imports only `isWorkingDay`.
 */
export function calendarOfCheckedInput(input: CreateCalendarInput): WorkingCalendar {
  const { years = [], provisionalHolidays, usePackageData = true } = input

  const notices = new Map<number, Notice>()
  if (usePackageData) for (const notice of packageNotices()) notices.set(notice.year, notice)
  for (const file of years) notices.set(file.year, noticeOfFile(file))

  // The days every notice sets. A later notice may name days of the previous December; where two
  // notices disagree on a day, the later year's notice wins (it was issued later).
  const rest = new Map<number, string>()
  const makeup = new Map<number, string | undefined>()
  for (const notice of [...notices.values()].sort((a, b) => a.year - b.year)) {
    for (const [day, name] of notice.rest) {
      makeup.delete(day)
      rest.set(day, name)
    }
    for (const [day, note] of notice.makeup) {
      rest.delete(day)
      makeup.set(day, note)
    }
  }

  const coveredTables = new Map<number, YearTable>()
  for (const year of notices.keys()) coveredTables.set(year, buildTable(year, rest, makeup, false))
  const provisionalTables = new Map<number, YearTable>()

  const provisionalFrom = provisionalHolidays ? toDayNumber(provisionalHolidays.basis.effectiveFrom) : undefined
  const coveredYears = [...notices.keys()].sort((a, b) => a - b)

  /** The table of a year, or the coverage error that says what staff must add. */
  function tableFor(year: number, provisional: boolean | undefined): YearTable {
    const covered = coveredTables.get(year)
    if (covered) return covered
    if (year < FIRST_YEAR || year > LAST_YEAR) throw outOfRangeError(year)
    if (!provisional) throw coverageError(year, coveredYears, undefined)
    if (!provisionalHolidays || provisionalFrom === undefined || dayNumberOf(year, 1, 1) < provisionalFrom) {
      throw coverageError(year, coveredYears, provisionalHolidays ?? null)
    }
    if (year > provisionalLastYear(provisionalHolidays)) {
      throw coverageError(year, coveredYears, provisionalHolidays, provisionalLastYear(provisionalHolidays))
    }
    let table = provisionalTables.get(year)
    if (!table) {
      table = buildTable(year, provisionalRestDays(provisionalHolidays, year), new Map(), true)
      provisionalTables.set(year, table)
    }
    return table
  }

  /** Walks days, switching year tables as it crosses 1 January, and remembers whether any was provisional. */
  function cursor(provisional: boolean | undefined) {
    let table: YearTable | undefined
    const state = {
      provisional: false,
      kind(day: number): number {
        if (!table || day < table.start || day >= table.end) {
          table = tableFor(civilOf(day).year, provisional)
          if (table.provisional) state.provisional = true
        }
        return table.kinds[day - table.start]!
      },
      working(day: number): boolean {
        const kind = state.kind(day)
        return kind === WORKDAY || kind === MAKEUP
      },
    }
    return state
  }

  function dayInfo(date: string, opts?: CalendarOptions): DayInfo {
    checkDate(date, 'date')
    const { provisional } = checkOptions(opts)
    const day = toDayNumber(date)
    const table = tableFor(civilOf(day).year, provisional)
    const kind = table.kinds[day - table.start]!
    const info: DayInfo = {
      date,
      working: kind === WORKDAY || kind === MAKEUP,
      kind: kind === HOLIDAY ? 'holiday' : kind === MAKEUP ? 'makeup-workday' : kind === WEEKEND ? 'weekend' : 'workday',
      provisional: table.provisional,
    }
    if (kind === HOLIDAY) info.holiday = table.names.get(day)!
    const note = table.notes.get(day)
    if (kind === MAKEUP && note !== undefined) info.note = note
    return info
  }

  return guarded({
    coverage() {
      return coveredYears.map((year) => {
        const notice = notices.get(year)!
        return notice.source ? { year, from: notice.from, source: { ...notice.source } } : { year, from: notice.from }
      })
    },

    dayInfo,

    isWorkingDay(date, opts) {
      return dayInfo(date, opts).working
    },

    addWorkingDays(date, n, opts) {
      checkDate(date, 'date')
      checkInteger(n, 'n', 0, MAX_DAY_COUNT, '工作日数', 'number of working days')
      const { provisional, countStartDay } = checkAddOptions(opts)
      const walk = cursor(provisional)
      const start = toDayNumber(date)
      let remaining = n
      if (walk.working(start) && countStartDay && remaining > 0) remaining--
      let day = start
      while (remaining > 0) {
        day++
        if (walk.working(day)) remaining--
      }
      return { date: toIsoDate(day), provisional: walk.provisional }
    },

    workingDaysBetween(a, b, opts) {
      checkDate(a, 'a')
      checkDate(b, 'b')
      const { provisional } = checkOptions(opts)
      const walk = cursor(provisional)
      const from = toDayNumber(a)
      const to = toDayNumber(b)
      const low = Math.min(from, to)
      const high = Math.max(from, to)
      walk.kind(low) // the start date's year must be known too, even though the day itself is not counted
      let days = 0
      for (let day = low + 1; day <= high; day++) if (walk.working(day)) days++
      return { days: to < from && days > 0 ? -days : days, provisional: walk.provisional } // never -0
    },

    addCalendarDays(date, n) {
      checkDate(date, 'date')
      checkInteger(n, 'n', -MAX_DAY_COUNT * 10, MAX_DAY_COUNT * 10, '自然日数', 'number of calendar days')
      const day = toDayNumber(date) + n
      const { year } = civilOf(day)
      if (year < FIRST_YEAR || year > LAST_YEAR) throw outOfRangeError(year)
      return toIsoDate(day)
    },

    yearDays(year, opts) {
      checkInteger(year, 'year', FIRST_YEAR, LAST_YEAR, '年份', 'year')
      const { provisional } = checkOptions(opts)
      const notice = notices.get(year)
      if (notice) {
        return {
          year,
          from: notice.from,
          ...(notice.source ? { source: { ...notice.source } } : {}),
          provisional: false,
          restDays: [...notice.rest].sort(byDay).map(([day, name]) => ({ date: toIsoDate(day), name })),
          makeupWorkdays: [...notice.makeup]
            .sort(byDay)
            .map(([day, note]) => (note === undefined ? { date: toIsoDate(day) } : { date: toIsoDate(day), note })),
        }
      }
      const table = tableFor(year, provisional)
      return {
        year,
        from: 'provisional',
        basis: { ...provisionalHolidays!.basis },
        provisional: true,
        restDays: [...table.names].sort(byDay).map(([day, name]) => ({ date: toIsoDate(day), name })),
        makeupWorkdays: [],
      }
    },
  })
}

function byDay(a: [number, unknown], b: [number, unknown]) {
  return a[0] - b[0]
}

