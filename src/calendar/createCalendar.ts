import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { Issue } from '../problems/issue.js'
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
import { civilOf, dayNumberOf, isWeekend, toDayNumber, toIsoDate } from './isoDay.js'
import { noticeOfFile, type Notice } from './notice.js'
import { packageNotices } from './packageNotices.js'
import {
  calendarFile,
  calendarProvisionalFile,
  type CalendarFile,
  type CalendarProvisionalFile,
  type CalendarSource,
} from './schemas.js'
import { validateCalendarProvisional, monthDaysBetween } from './validateCalendarProvisional.js'
import { validateCalendarYear } from './validateCalendarYear.js'

export interface CalendarOptions {
  /**
   * For a year with no notice yet, accept an answer from the provisional rules (weekends and the
   * fixed-date statutory holidays). The result then says `provisional: true`. Without it such a year
   * is a `calendar_coverage` error.
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
  /** The fixed-date statutory holidays (`rules/calendar/provisional.yaml`), for `{ provisional: true }`. */
  provisionalHolidays?: CalendarProvisionalFile
  /** Use the chinese-days package's data for years without a file. Default true. */
  usePackageData?: boolean
}

const WORKDAY = 0
const WEEKEND = 1
const HOLIDAY = 2
const MAKEUP = 3

/** One calendar year, precomputed: the kind of each day, and the names behind holidays and make-up days. */
interface YearTable {
  year: number
  /** Day number of 1 January. */
  start: number
  /** Day number of 1 January of the next year. */
  end: number
  kinds: Uint8Array
  names: Map<number, string>
  notes: Map<number, string | undefined>
  provisional: boolean
}

/**
 * Builds a working-day calendar from year files, the chinese-days data and the provisional rules. The
 * inputs are checked (schema and consistency); a problem is a `XiaobaoError` listing every issue.
 *
 * @example
 * const calendar = createCalendar({ years: [file2026] })
 * calendar.addWorkingDays('2026-02-12', 7).date // → '2026-02-28' (2-14 and 2-28 worked, 春节 2-15..2-23 off)
 */
export function createCalendar(input: CreateCalendarInput = {}): WorkingCalendar {
  const { years = [], provisionalHolidays, usePackageData = true } = checkInput(input)

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
    let table = provisionalTables.get(year)
    if (!table) {
      const fixed = new Map<number, string>()
      for (const holiday of provisionalHolidays.holidays) {
        for (const monthDay of monthDaysBetween(holiday.from, holiday.to ?? holiday.from)) {
          fixed.set(dayNumberOf(year, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3, 5))), holiday.name)
        }
      }
      table = buildTable(year, fixed, new Map(), true)
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

  return {
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
  }
}

function byDay(a: [number, unknown], b: [number, unknown]) {
  return a[0] - b[0]
}

function buildTable(
  year: number,
  rest: Map<number, string>,
  makeup: Map<number, string | undefined>,
  provisional: boolean,
): YearTable {
  const start = dayNumberOf(year, 1, 1)
  const end = dayNumberOf(year + 1, 1, 1)
  const kinds = new Uint8Array(end - start)
  const names = new Map<number, string>()
  const notes = new Map<number, string | undefined>()
  for (let day = start; day < end; day++) {
    const name = rest.get(day)
    if (makeup.has(day)) {
      kinds[day - start] = MAKEUP
      notes.set(day, makeup.get(day))
    } else if (name !== undefined) {
      kinds[day - start] = HOLIDAY
      names.set(day, name)
    } else {
      kinds[day - start] = isWeekend(day) ? WEEKEND : WORKDAY
    }
  }
  return { year, start, end, kinds, names, notes, provisional }
}

/** "2004–2026" or "2004–2026、2028". */
function yearRanges(years: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < years.length; ) {
    let j = i
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++
    parts.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`)
    i = j + 1
  }
  return parts.join('、')
}

/**
 * `provisionalRules`: undefined when the caller did not ask for provisional rules; null when asked but
 * none are loaded; the rules when they do not reach back to `year`.
 */
function coverageError(year: number, coveredYears: number[], provisionalRules: CalendarProvisionalFile | null | undefined) {
  const covered = coveredYears.length ? yearRanges(coveredYears) : '无'
  const coveredEn = coveredYears.length ? yearRanges(coveredYears).replaceAll('、', ', ') : 'none'
  const add = `请按国务院办公厅关于${year}年部分节假日安排的通知添加 rules/calendar/${year}.yaml`
  const addEn = `Add rules/calendar/${year}.yaml from the State Council's notice on the ${year} holidays`
  let message: string
  let messageEn: string
  if (provisionalRules === undefined) {
    message =
      `${year} 年的放假调休安排尚未收录（已收录：${covered} 年），无法计算工作日。${add}。` +
      `通知发布前如需估算，可传入 { provisional: true }，结果会标明为暂定（只计周末和公历日期固定的法定节日，不含春节等农历节日和调休）。`
    messageEn =
      `The holiday arrangement for ${year} is not known (covered: ${coveredEn}), so working days cannot be counted. ${addEn}. ` +
      `Until the notice is out, pass { provisional: true } for an estimate marked provisional (weekends and fixed-date statutory holidays only; no lunar holidays, no make-up days).`
  } else if (provisionalRules === null) {
    message = `${year} 年的放假调休安排尚未收录（已收录：${covered} 年），且未加载暂行规则（rules/calendar/provisional.yaml），无法估算。${add}，或在创建日历时传入 provisionalHolidays。`
    messageEn = `The holiday arrangement for ${year} is not known (covered: ${coveredEn}) and no provisional rules (rules/calendar/provisional.yaml) are loaded. ${addEn}, or pass provisionalHolidays when creating the calendar.`
  } else {
    message = `${year} 年的放假调休安排尚未收录（已收录：${covered} 年）。暂行规则依据的《${provisionalRules.basis.title}》自 ${provisionalRules.basis.effectiveFrom} 起施行，不适用于 ${year} 年。${add}。`
    messageEn = `The holiday arrangement for ${year} is not known (covered: ${coveredEn}). The provisional rules rest on a text in force from ${provisionalRules.basis.effectiveFrom} and do not apply to ${year}. ${addEn}.`
  }
  return new XiaobaoError([{ code: 'calendar_coverage', severity: 'error', message, messageEn }])
}

/** Checks the inputs of `createCalendar`: every file against its schema and for consistency; no year twice. */
function checkInput(input: CreateCalendarInput): CreateCalendarInput {
  const issues: Issue[] = []
  if (input === null || typeof input !== 'object') {
    issues.push(inputIssue([], '应为对象 { years?, provisionalHolidays?, usePackageData? }', 'must be an object { years?, provisionalHolidays?, usePackageData? }'))
    throw new XiaobaoError(issues as [Issue, ...Issue[]])
  }
  const unknown = Object.keys(input).filter((key) => !['years', 'provisionalHolidays', 'usePackageData'].includes(key))
  for (const key of unknown) issues.push(inputIssue([key], '是未知的选项', 'is not a known option'))
  if (input.usePackageData !== undefined && typeof input.usePackageData !== 'boolean') {
    issues.push(inputIssue(['usePackageData'], '应为 true 或 false', 'must be true or false'))
  }
  const years: CalendarFile[] = []
  if (input.years !== undefined && !Array.isArray(input.years)) {
    issues.push(inputIssue(['years'], '应为年份文件的列表', 'must be a list of year files'))
  } else {
    const seen = new Set<number>()
    ;(input.years ?? []).forEach((file, index) => {
      const parsed = calendarFile.safeParse(file)
      if (!parsed.success) {
        for (const zi of parsed.error.issues) issues.push(schemaIssue(['years', index, ...pathOf(zi.path)], '年份文件（kind: calendar）', 'a year file (kind: calendar)', zi.message))
        return
      }
      for (const issue of validateCalendarYear(parsed.data)) issues.push({ ...issue, path: ['years', index, ...(issue.path ?? [])] })
      if (seen.has(parsed.data.year)) {
        issues.push(inputIssue(['years', index, 'year'], `：${parsed.data.year} 年出现了两次`, `: year ${parsed.data.year} is given twice`))
      }
      seen.add(parsed.data.year)
      years.push(parsed.data)
    })
  }
  let provisionalHolidays: CalendarProvisionalFile | undefined
  if (input.provisionalHolidays !== undefined) {
    const parsed = calendarProvisionalFile.safeParse(input.provisionalHolidays)
    if (!parsed.success) {
      for (const zi of parsed.error.issues) issues.push(schemaIssue(['provisionalHolidays', ...pathOf(zi.path)], '暂行规则文件（kind: calendar-provisional）', 'the provisional file (kind: calendar-provisional)', zi.message))
    } else {
      for (const issue of validateCalendarProvisional(parsed.data)) issues.push({ ...issue, path: ['provisionalHolidays', ...(issue.path ?? [])] })
      provisionalHolidays = parsed.data
    }
  }
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (errors.length) throw new XiaobaoError(errors as [Issue, ...Issue[]])
  return { years, usePackageData: input.usePackageData ?? true, ...(provisionalHolidays ? { provisionalHolidays } : {}) }
}

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== 'symbol')
}

function schemaIssue(path: (string | number)[], what: string, whatEn: string, detail: string): Issue {
  return inputIssue(path, `不符合${what}的格式（${detail}）`, `does not fit ${whatEn} (${detail})`)
}

function inputIssue(path: (string | number)[], message: string, messageEn: string): Issue {
  const where = path.length ? path.join('.') : 'createCalendar 的参数'
  const whereEn = path.length ? path.join('.') : 'the argument of createCalendar'
  return { code: 'invalid_input', severity: 'error', message: `${where} ${message}`, messageEn: `${whereEn} ${messageEn}`, path }
}
