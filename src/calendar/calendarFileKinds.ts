/**
 * The calendar's rule-file kinds for the loader (listed by `calendarCapability`). Each file is checked with positions (`file:line:col`) and lands in
 * `ruleSet.calendar`, ready for `createCalendar({ years, provisionalHolidays })`.
 */
import type { Issue, PlainIssueCode } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from '../ruleset/capability.js'
import type { RuleSetCore } from '../ruleset/types.js'
import { calendarFile, calendarProvisionalFile, type CalendarFile, type CalendarProvisionalFile } from './schemas.js'
import { validateCalendarProvisional } from './validateCalendarProvisional.js'
import { validateCalendarYear } from './validateCalendarYear.js'

/** What the calendar adds to a rule set. */
export interface CalendarSlice {
  /** `rules/calendar/`: the year files and the provisional rules. */
  calendar?: CalendarRules
}

type RuleSet = RuleSetCore & CalendarSlice

/** What `rules/calendar/` holds once loaded. */
export interface CalendarRules {
  /** One file a year, in year order. */
  years: CalendarFile[]
  /** `rules/calendar/provisional.yaml`. */
  provisional?: CalendarProvisionalFile
}


function located(issues: Issue[], ctx: KindContext): Issue[] {
  return issues.map((issue) => ctx.issueAt(issue.path ?? [], issue.code as PlainIssueCode, issue.message, issue.messageEn, { severity: issue.severity }))
}

function calendarOf(ruleSet: RuleSet): CalendarRules {
  ruleSet.calendar ??= { years: [] }
  return ruleSet.calendar
}

const yearKind: RuleFileKind<CalendarFile, RuleSet> = {
  kind: 'calendar',
  schema: calendarFile,
  role: 'defines',
  load(data, ruleSet, ctx) {
    const issues = located(validateCalendarYear(data), ctx)
    const name = ctx.file.split('/').pop()
    if (name !== `${data.year}.yaml`) {
      issues.push(
        ctx.issueAt(
          ['year'],
          'invalid_value',
          `year: ${data.year} 与文件名 ${name} 不一致。每年一个文件，以年份命名：rules/calendar/${data.year}.yaml。`,
          `year: ${data.year} does not match the file name ${name}. One file a year, named after it: rules/calendar/${data.year}.yaml.`,
        ),
      )
    }
    const calendar = calendarOf(ruleSet)
    if (calendar.years.some((year) => year.year === data.year)) {
      issues.push(
        ctx.issueAt(['year'], 'invalid_value', `${data.year} 年的放假安排写了两个文件；只保留一个。`, `The ${data.year} arrangement is in two files; keep one.`),
      )
    }
    if (!issues.some((issue) => issue.severity === 'error')) {
      calendar.years.push(data)
      calendar.years.sort((a, b) => a.year - b.year)
    }
    return issues
  },
}

const provisionalKind: RuleFileKind<CalendarProvisionalFile, RuleSet> = {
  kind: 'calendar-provisional',
  schema: calendarProvisionalFile,
  role: 'defines',
  max: 1,
  load(data, ruleSet, ctx) {
    const issues = located(validateCalendarProvisional(data), ctx)
    const calendar = calendarOf(ruleSet)
    if (!issues.some((issue) => issue.severity === 'error')) calendar.provisional = data
    return issues
  },
}

/** The calendar's file kinds (see `capability.ts`). */
export const calendarFileKinds: readonly RuleFileKind[] = [yearKind, provisionalKind]
